package dev.capstan.features.timereport;

import java.util.List;

/** Entries as CSV (RFC 4180: comma-separated, CRLF line ends, quoted where needed) for payroll and spreadsheets. */
final class CsvExport {
    static final String HEADER = "user_id,date,reason,hours";

    private CsvExport() {
    }

    static String of(List<TimeEntry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (TimeEntry entry : entries) {
            csv.append(field(entry.userId())).append(',').append(entry.day()).append(',')
                    .append(field(entry.reason())).append(',').append(Hours.format(entry.hours())).append("\r\n");
        }
        return csv.toString();
    }

    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
