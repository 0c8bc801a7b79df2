package dev.capstan.features.deploy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Which channel follows which repository (one each way, held by the database) and each channel's URL settings. */
final class Bindings {
    /** How a `setup` ended: done, or one of the seed's three refusals. */
    sealed interface Bound {
        record Done() implements Bound { }

        record AlreadyHere() implements Bound { }

        record RepositoryElsewhere(String channelId) implements Bound { }

        record ChannelTaken(String repository) implements Bound { }
    }

    /** The settings `set` and `unset` change, by their names in the command. */
    enum Setting {
        BASEDOMAIN("base_domain"), URLSEPARATOR("url_separator"), URLPATTERN("url_pattern");

        private final String column;

        Setting(String column) {
            this.column = column;
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    Bindings(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    Optional<Binding> inChannel(String channelId) {
        return jdbi.withHandle(h -> find(h, "channel_id = :v", channelId));
    }

    Optional<Binding> ofRepository(String repository) {
        return jdbi.withHandle(h -> find(h, "repository_key = :v", Binding.key(repository)));
    }

    /** Whether the channel could be bound to the repository now (Done), or which of the seed's refusals applies. */
    Bound check(String channelId, String repository) {
        return jdbi.withHandle(h -> refusal(h, channelId, repository));
    }

    /** Binds the channel to the repository unless either is bound already; two simultaneous setups end in one binding. */
    Bound bind(String channelId, String repository, String userId) {
        return jdbi.inTransaction(h -> {
            int inserted = h.createUpdate("""
                            insert into deploy_channels (channel_id, repository, repository_key, created_by, created_at)
                            values (:c, :r, :k, :u, :at) on conflict do nothing""")
                    .bind("c", channelId).bind("r", repository).bind("k", Binding.key(repository)).bind("u", userId)
                    .bind("at", clock.instant()).execute();
            if (inserted == 1) return new Bound.Done();
            return refusal(h, channelId, repository);
        });
    }

    private static Bound refusal(Handle h, String channelId, String repository) {
        Optional<Binding> here = find(h, "channel_id = :v", channelId);
        if (here.isPresent() && here.get().key().equals(Binding.key(repository))) return new Bound.AlreadyHere();
        Optional<Binding> elsewhere = find(h, "repository_key = :v", Binding.key(repository));
        if (elsewhere.isPresent()) return new Bound.RepositoryElsewhere(elsewhere.get().channelId());
        if (here.isPresent()) return new Bound.ChannelTaken(here.get().repository());
        return new Bound.Done();
    }

    /** Removes the channel's binding and its URL settings; the repository it had, if any. */
    Optional<String> unbind(String channelId) {
        return jdbi.inTransaction(h -> {
            Optional<Binding> bound = find(h, "channel_id = :v", channelId);
            h.createUpdate("delete from deploy_env_urls where channel_id = :c").bind("c", channelId).execute();
            h.createUpdate("delete from deploy_channels where channel_id = :c").bind("c", channelId).execute();
            return bound.map(Binding::repository);
        });
    }

    void set(String channelId, Setting setting, String value) {
        jdbi.useHandle(h -> h.createUpdate("update deploy_channels set " + setting.column + " = :v where channel_id = :c")
                .bind("v", value).bind("c", channelId).execute());
    }

    void setUrl(String channelId, String environment, String host) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from deploy_env_urls where channel_id = :c and environment = :e")
                    .bind("c", channelId).bind("e", environment).execute();
            h.createUpdate("insert into deploy_env_urls (channel_id, environment, host) values (:c, :e, :h)")
                    .bind("c", channelId).bind("e", environment).bind("h", host).execute();
        });
    }

    boolean unsetUrl(String channelId, String environment) {
        return jdbi.withHandle(h -> h.createUpdate("delete from deploy_env_urls where channel_id = :c and environment = :e")
                .bind("c", channelId).bind("e", environment).execute()) > 0;
    }

    private static Optional<Binding> find(Handle h, String where, String value) {
        return h.createQuery("select channel_id, repository, base_domain, url_separator, url_pattern from deploy_channels where " + where)
                .bind("v", value)
                .map((rs, ctx) -> new Binding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), urls(h, rs.getString(1))))
                .findOne();
    }

    private static Map<String, String> urls(Handle h, String channelId) {
        Map<String, String> urls = new LinkedHashMap<>();
        h.createQuery("select environment, host from deploy_env_urls where channel_id = :c order by environment")
                .bind("c", channelId).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> urls.put(e.getKey(), e.getValue()));
        return urls;
    }
}
