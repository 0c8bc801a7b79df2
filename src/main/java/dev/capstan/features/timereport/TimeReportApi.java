package dev.capstan.features.timereport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.command.SlackIds;
import dev.capstan.command.UserError;
import dev.capstan.platform.Declarations;
import dev.capstan.platform.FeatureContext;
import dev.capstan.http.HttpExchange.Request;
import dev.capstan.http.HttpExchange.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;

/**
 * The JSON REST API for other tools (a web UI, payroll): entries, locks and users, behind bearer tokens that admins
 * manage from Slack. The same rules as in Slack apply: locked months, one entry a day, configured reasons.
 */
final class TimeReportApi {
    static final String BASE = "/api/timereport";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TimeReportServices services;
    private final Clock clock;

    /** A request the API refuses, with its HTTP status. */
    private static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** One API operation once the token checked out; the token's name is the actor. */
    @FunctionalInterface
    private interface Operation {
        Response handle(Request request, String tokenName) throws Exception;
    }

    TimeReportApi(TimeReportServices services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    void register(FeatureContext context) {
        context.route("GET", BASE + "/users", authorised(this::users));
        context.route("GET", BASE + "/entries", authorised(this::listEntries));
        context.route("POST", BASE + "/entries", authorised(this::createEntry));
        context.route("DELETE", BASE + "/entries", authorised(this::deleteEntries));
        context.route("GET", BASE + "/locks", authorised(this::listLocks));
        context.route("POST", BASE + "/locks", authorised(this::createLock));
        context.route("DELETE", BASE + "/locks", authorised(this::deleteLock));
    }

    private Declarations.Endpoint authorised(Operation operation) {
        return request -> {
            String header = request.header("Authorization");
            String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
            var token = services.tokens().verify(secret);
            if (token.isEmpty()) return error(401, "A valid bearer token is required (Authorization: Bearer <token>).");
            try {
                return operation.handle(request, token.get());
            } catch (Refused e) {
                return error(e.status, e.getMessage());
            } catch (MonthLocked e) {
                return error(409, e.getMessage());
            } catch (UserError e) {
                return error(400, e.getMessage());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return error(400, "The body is not valid JSON.");
            }
        };
    }

    private Response users(Request request, String token) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode users = body.putArray("users");
        services.entries().everyone().forEach((userId, count) -> users.addObject().put("user_id", userId).put("entries", count));
        return ok(200, body);
    }

    private Response listEntries(Request request, String token) {
        QueryString query = QueryString.of(request.path());
        Period period = period(query);
        String user = query.get("user");
        List<TimeEntry> entries = user == null ? services.entries().all(period) : services.entries().of(userId(user), period);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("entries");
        entries.forEach(entry -> list.add(entryJson(entry)));
        return ok(200, body);
    }

    private Response createEntry(Request request, String token) throws Exception {
        JsonNode in = JSON.readTree(request.body() == null || request.body().isBlank() ? "{}" : request.body());
        String userId = userId(required(in, "user_id"));
        Period day = Period.day(date("date", required(in, "date")));
        Reason reason = services.settings().reason(required(in, "reason"));
        BigDecimal hours = in.hasNonNull("hours") ? Hours.parse(in.get("hours").asText()) : services.settings().hoursPerDay();
        TimeWrites.Added added = services.writes().add(userId, reason.name(), hours, List.of(day.from()));
        if (added.written().isEmpty()) throw new Refused(409, userId + " already has an entry on " + day.from() + ".");
        return ok(201, entryJson(new TimeEntry(userId, day.from(), reason.name(), hours)));
    }

    private Response deleteEntries(Request request, String token) {
        QueryString query = QueryString.of(request.path());
        String userId = userId(requiredParam(query, "user"));
        int deleted = services.writes().delete(userId, period(query));
        return ok(200, JSON.createObjectNode().put("deleted", deleted));
    }

    private Response listLocks(Request request, String token) {
        QueryString query = QueryString.of(request.path());
        String user = query.get("user");
        Period months = lockPeriod(query);
        List<MonthLocks.LockedMonth> found = user == null ? services.locks().all(months)
                : services.locks().of(userId(user), months).stream().map(month -> new MonthLocks.LockedMonth(user, month)).toList();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode locks = body.putArray("locks");
        found.forEach(lock -> locks.addObject().put("user_id", lock.userId()).put("month", lock.month().toString()));
        return ok(200, body);
    }

    /** The months a lock listing covers: a whole {@code year}, or {@code from} and {@code to} months (YYYY-MM). */
    private static Period lockPeriod(QueryString query) {
        String year = query.get("year");
        String from = query.get("from");
        String to = query.get("to");
        if (year != null && (from != null || to != null)) throw new Refused(400, "Give either `year` or `from` and `to`, not both.");
        if (year != null) {
            Year wanted = parseYear(year);
            return new Period(wanted.atDay(1), wanted.atMonth(12).atEndOfMonth());
        }
        if (from == null || to == null) throw new Refused(400, "Give `year=YYYY`, or `from=YYYY-MM` and `to=YYYY-MM`.");
        return new Period(Period.month(from).atDay(1), Period.month(to).atEndOfMonth());
    }

    private Response createLock(Request request, String token) throws Exception {
        JsonNode in = JSON.readTree(request.body() == null || request.body().isBlank() ? "{}" : request.body());
        String userId = userId(required(in, "user_id"));
        YearMonth month = Period.month(required(in, "month"));
        if (month.isAfter(YearMonth.from(services.today(clock)))) {
            throw new Refused(400, Period.label(month) + " has not started yet; a month can be locked once it has begun.");
        }
        if (!services.locks().lock(userId, month, "api:" + token)) throw new Refused(409, month + " is already locked for " + userId + ".");
        return ok(201, JSON.createObjectNode().put("user_id", userId).put("month", month.toString()));
    }

    private Response deleteLock(Request request, String token) {
        QueryString query = QueryString.of(request.path());
        String userId = userId(requiredParam(query, "user"));
        YearMonth month = Period.month(requiredParam(query, "month"));
        if (!services.locks().unlock(userId, month)) throw new Refused(404, month + " is not locked for " + userId + ".");
        return ok(200, JSON.createObjectNode().put("user_id", userId).put("month", month.toString()).put("unlocked", true));
    }

    private static ObjectNode entryJson(TimeEntry entry) {
        return JSON.createObjectNode().put("user_id", entry.userId()).put("date", entry.day().toString())
                .put("reason", entry.reason()).put("hours", new BigDecimal(Hours.format(entry.hours())));
    }

    private Period period(QueryString query) {
        return new Period(date("from", requiredParam(query, "from")), date("to", requiredParam(query, "to")));
    }

    private static LocalDate date(String name, String text) {
        try {
            return Period.date(text, name + " as YYYY-MM-DD");
        } catch (UserError e) {
            throw new Refused(400, e.getMessage());
        }
    }

    private static String userId(String text) {
        if (!SlackIds.isUser(text)) throw new Refused(400, "`" + text + "` is not a Slack user id (U… or W…).");
        return text;
    }

    private static Year parseYear(String text) {
        try {
            return Period.year(text);
        } catch (UserError e) {
            throw new Refused(400, e.getMessage());
        }
    }

    private static String required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) throw new Refused(400, "The field `" + field + "` is required.");
        return value.asText();
    }

    private static String requiredParam(QueryString query, String name) {
        String value = query.get(name);
        if (value == null) throw new Refused(400, "The query parameter `" + name + "` is required.");
        return value;
    }

    private static Response ok(int status, JsonNode body) {
        return new Response(status, "application/json; charset=utf-8", body.toString());
    }

    private static Response error(int status, String message) {
        return new Response(status, "application/json; charset=utf-8", JSON.createObjectNode().put("error", message).toString());
    }
}
