package dev.capstan.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of the job table, read while a job runs and written back after it finished: what the table looks like when the
 * replica running the job died before marking it done, so that another replica runs it again.
 */
public final class JobRows {
    /** One job as db-scheduler keeps it. */
    public record Row(String taskName, String taskInstance, byte[] data, long version) {
        /** The row as db-scheduler revives it when its replica stopped sending heartbeats: one version on. */
        public Row revived() {
            return new Row(taskName, taskInstance, data, version + 1);
        }
    }

    private JobRows() {
    }

    /** The jobs of a type that exist now (running or due). */
    public static List<Row> of(String databaseUrl, String taskName) {
        try (Connection c = DriverManager.getConnection(databaseUrl);
             PreparedStatement s = c.prepareStatement("select task_name, task_instance, task_data, version from scheduled_tasks where task_name = ?")) {
            s.setString(1, taskName);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) rows.add(new Row(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getLong(4)));
            }
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who holds a job's row now: picked or not, by which replica, at which version, and its last heartbeat (null if none). */
    public record Hold(String taskInstance, boolean picked, String pickedBy, long version, Instant lastHeartbeat) { }

    /** Who holds each job of a type now. */
    public static List<Hold> holds(String databaseUrl, String taskName) {
        try (Connection c = DriverManager.getConnection(databaseUrl);
             PreparedStatement s = c.prepareStatement("select task_instance, picked, picked_by, version, last_heartbeat"
                     + " from scheduled_tasks where task_name = ?")) {
            s.setString(1, taskName);
            List<Hold> holds = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp beat = rs.getTimestamp(5);
                    holds.add(new Hold(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getLong(4), beat == null ? null : beat.toInstant()));
                }
            }
            return holds;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many jobs of a type exist now. */
    public static int count(String databaseUrl, String taskName) {
        return of(databaseUrl, taskName).size();
    }

    /** Removes the rows: the replica that picked them is gone and will not mark them done or failed. */
    public static void delete(String databaseUrl, List<Row> rows) {
        try (Connection c = DriverManager.getConnection(databaseUrl);
             PreparedStatement s = c.prepareStatement("delete from scheduled_tasks where task_name = ? and task_instance = ?")) {
            for (Row row : rows) {
                s.setString(1, row.taskName());
                s.setString(2, row.taskInstance());
                s.executeUpdate();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts the rows back, due now and picked by nobody: as if their replica had died before finishing them. */
    public static void revive(String databaseUrl, List<Row> rows) {
        try (Connection c = DriverManager.getConnection(databaseUrl);
             PreparedStatement s = c.prepareStatement("insert into scheduled_tasks (task_name, task_instance, task_data, "
                     + "execution_time, picked, version, priority) values (?, ?, ?, ?, false, ?, 0)")) {
            for (Row row : rows) {
                s.setString(1, row.taskName());
                s.setString(2, row.taskInstance());
                s.setBytes(3, row.data());
                s.setTimestamp(4, Timestamp.from(Instant.now()));
                s.setLong(5, row.version());
                s.executeUpdate();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
