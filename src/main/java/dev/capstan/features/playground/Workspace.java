package dev.capstan.features.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/** The pretend Slack workspace the playground shows: people, channels, messages, open modals and recorded Web API calls. */
final class Workspace {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BOT_ID = "UCAPSTAN0";
    /** The pretend company's mail domain: everyone in the playground has an address there. */
    static final String EMAIL_DOMAIN = "acme.example";
    private static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);
    private static final int KEPT_CALLS = 200;

    record Person(String id, String name, String role) {
        /** The username Slack sends with a mention, {@code <@U…|mia.member>}, and answers in users.info as {@code name}. */
        String handle() {
            return name.toLowerCase(Locale.ROOT).replace(' ', '.');
        }

        /** Their address at the pretend company, the same in users.info, users.lookupByEmail and the directory. */
        String email() {
            return handle() + "@" + EMAIL_DOMAIN;
        }
    }

    record Channel(String id, String name) { }

    /** A message as Slack keeps it; {@code visibleTo} is set for ephemeral messages only. */
    record Message(String ts, String channel, String author, String visibleTo, String text, JsonNode blocks, boolean edited) {
        Message edit(String newText, JsonNode newBlocks) {
            return new Message(ts, channel, author, visibleTo, newText, newBlocks, true);
        }
    }

    /** One open modal; {@code errors} are the validation messages of its last submission, by block id. */
    record Modal(String id, String userId, ObjectNode view, Map<String, String> errors) { }

    /** What views.update did: the modal as it is now, or why not, in Slack's words ({@code not_found}, {@code hash_conflict}). */
    record ModalUpdate(Optional<Modal> modal, String error) { }

    private final Clock clock;
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final List<Channel> channels = List.of(new Channel("CGENERAL", "general"), new Channel("CDEV", "dev"),
            new Channel("COPS", "ops"));
    private final List<Message> messages = new ArrayList<>();
    private final Map<String, Deque<Modal>> modals = new ConcurrentHashMap<>();
    /** Each person's Home tab as Capstan last published it (views.publish). */
    private final Map<String, ObjectNode> homes = new ConcurrentHashMap<>();
    private final Map<String, Instant> triggers = new ConcurrentHashMap<>();
    private final Map<String, String> triggerOwners = new ConcurrentHashMap<>();
    private final Deque<ObjectNode> calls = new ConcurrentLinkedDeque<>();
    private final AtomicLong clockTicks = new AtomicLong(1_700_000_000_000L);
    private final AtomicLong viewVersions = new AtomicLong();
    private final Set<String> memberships = ConcurrentHashMap.newKeySet();

    Workspace(Clock clock) {
        this.clock = clock;
    }

    synchronized void addPerson(Person person) {
        people.put(person.id(), person);
    }

    /** Puts the person in every channel without a word (the playground's first people were there from the start). */
    void joinEverywhere(String userId) {
        channels.forEach(c -> memberships.add(c.id() + "/" + userId));
    }

    /** True when the person was not in the channel yet and is now (Slack then sends member_joined_channel). */
    boolean join(String userId, String channel) {
        return channels.stream().anyMatch(c -> c.id().equals(channel)) && memberships.add(channel + "/" + userId);
    }

    /** The channels this person is in: what Slack's users.conversations answers. */
    List<Channel> channelsOf(String userId) {
        return channels.stream().filter(c -> memberships.contains(c.id() + "/" + userId)).toList();
    }

    synchronized List<Person> people() {
        return List.copyOf(people.values());
    }

    synchronized Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    List<Channel> channels() {
        return channels;
    }

    /** People's and channels' names, for showing mentions as Slack does. */
    Mrkdwn.Names names() {
        return new Mrkdwn.Names() {
            @Override
            public Optional<String> person(String id) {
                return Workspace.this.person(id).map(Person::name);
            }

            @Override
            public Optional<String> channel(String id) {
                return channels.stream().filter(c -> c.id().equals(id)).map(Channel::name).findFirst();
            }
        };
    }

    /** Slack accepts a user id as a channel for chat.postMessage and means the DM with that person. */
    static String channelFor(String channelOrUser) {
        return channelOrUser != null && (channelOrUser.startsWith("U") || channelOrUser.startsWith("W"))
                ? "D" + channelOrUser : channelOrUser;
    }

    synchronized Message post(String channel, String author, String visibleTo, String text, JsonNode blocks) {
        long ticks = clockTicks.incrementAndGet();
        String ts = (ticks / 1_000_000) + "." + String.format("%06d", ticks % 1_000_000);
        Message message = new Message(ts, channelFor(channel), author, visibleTo, text == null ? "" : text, blocks, false);
        messages.add(message);
        return message;
    }

    synchronized Optional<Message> update(String channel, String ts, String text, JsonNode blocks) {
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (message.ts().equals(ts) && message.channel().equals(channelFor(channel))) {
                Message edited = message.edit(text == null ? message.text() : text, blocks);
                messages.set(i, edited);
                return Optional.of(edited);
            }
        }
        return Optional.empty();
    }

    synchronized boolean delete(String channel, String ts) {
        return messages.removeIf(m -> m.ts().equals(ts) && m.channel().equals(channelFor(channel)));
    }

    /** What {@code userId} sees in a channel (or their DM with the bot): everyone's messages and their own ephemeral ones. */
    synchronized List<Message> visible(String userId, String channel) {
        return messages.stream()
                .filter(m -> m.channel().equals(channel) && (m.visibleTo() == null || m.visibleTo().equals(userId)))
                .toList();
    }

    /** A fresh trigger_id for a click or command; Slack's expire after 3 seconds and work once. */
    String newTrigger(String userId) {
        String trigger = "trigger-" + UUID.randomUUID();
        triggers.put(trigger, clock.instant());
        triggerOwners.put(trigger, userId);
        return trigger;
    }

    /** The user a trigger_id belongs to, consuming it; empty when unknown, used or expired. */
    Optional<String> useTrigger(String trigger) {
        Instant issued = trigger == null ? null : triggers.remove(trigger);
        String owner = trigger == null ? null : triggerOwners.remove(trigger);
        if (issued == null || clock.instant().isAfter(issued.plus(TRIGGER_LIFETIME))) return Optional.empty();
        return Optional.ofNullable(owner);
    }

    /** Keeps the Home tab Capstan published for this person; returns it with its view id. */
    ObjectNode publishHome(String userId, ObjectNode view) {
        ObjectNode published = withId(view, "VHOME" + userId);
        homes.put(userId, published);
        return published;
    }

    Optional<ObjectNode> home(String userId) {
        return Optional.ofNullable(homes.get(userId));
    }

    synchronized Modal openModal(String userId, ObjectNode view, boolean push) {
        Deque<Modal> stack = modals.computeIfAbsent(userId, u -> new ConcurrentLinkedDeque<>());
        if (!push) stack.clear();
        String id = "V" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Modal modal = new Modal(id, userId, withId(view, id), Map.of());
        stack.push(modal);
        return modal;
    }

    /**
     * Replaces an open modal, found by view id or external id, unless {@code hash} is given and is not the modal's
     * current one: Slack's guard against an older update landing after a newer one. The errors of the last submission go away.
     */
    synchronized ModalUpdate updateModal(String viewId, String externalId, String hash, ObjectNode view) {
        for (Deque<Modal> stack : modals.values()) {
            List<Modal> list = new ArrayList<>(stack);
            for (Modal modal : list) {
                boolean match = modal.id().equals(viewId)
                        || (externalId != null && externalId.equals(modal.view().path("external_id").asText(null)));
                if (!match) continue;
                if (hash != null && !hash.isEmpty() && !hash.equals(modal.view().path("hash").asText())) {
                    return new ModalUpdate(Optional.empty(), "hash_conflict");
                }
                Modal updated = new Modal(modal.id(), modal.userId(), withId(view, modal.id()), Map.of());
                replace(stack, modal, updated);
                return new ModalUpdate(Optional.of(updated), null);
            }
        }
        return new ModalUpdate(Optional.empty(), "not_found");
    }

    synchronized void showErrors(String userId, String viewId, Map<String, String> errors) {
        Deque<Modal> stack = modals.getOrDefault(userId, new ConcurrentLinkedDeque<>());
        stack.stream().filter(m -> m.id().equals(viewId)).findFirst()
                .ifPresent(m -> replace(stack, m, new Modal(m.id(), userId, m.view(), Map.copyOf(errors))));
    }

    synchronized void closeModal(String userId, boolean all) {
        Deque<Modal> stack = modals.getOrDefault(userId, new ConcurrentLinkedDeque<>());
        if (all) stack.clear();
        else stack.poll();
    }

    Optional<Modal> topModal(String userId) {
        return Optional.ofNullable(modals.getOrDefault(userId, new ConcurrentLinkedDeque<>()).peek());
    }

    void record(String method, JsonNode args) {
        ObjectNode call = JSON.createObjectNode();
        call.put("method", method);
        call.put("at", clock.instant().toString());
        call.set("args", args);
        calls.addFirst(call);
        while (calls.size() > KEPT_CALLS) calls.pollLast();
    }

    ArrayNode calls() {
        ArrayNode list = JSON.createArrayNode();
        calls.forEach(list::add);
        return list;
    }

    private static void replace(Deque<Modal> stack, Modal old, Modal updated) {
        List<Modal> list = new ArrayList<>(stack);
        list.replaceAll(m -> m == old ? updated : m);
        stack.clear();
        list.forEach(stack::addLast);
    }

    /** The view as Slack keeps it: with its id, and a new hash each time it changes. */
    private ObjectNode withId(ObjectNode view, String id) {
        ObjectNode copy = view.deepCopy();
        copy.put("id", id);
        copy.put("hash", clock.instant().getEpochSecond() + "." + viewVersions.incrementAndGet());
        return copy;
    }
}
