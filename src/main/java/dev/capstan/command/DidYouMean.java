package dev.capstan.command;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Picks the known names closest to a mistyped one (Damerau–Levenshtein, plus prefix matches). */
public final class DidYouMean {
    private DidYouMean() {
    }

    public static List<String> closest(String typed, List<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, t.length() / 3);
        return known.stream()
                .filter(k -> distance(t, k.toLowerCase(Locale.ROOT)) <= limit || k.toLowerCase(Locale.ROOT).startsWith(t))
                .sorted(Comparator.comparingInt((String k) -> distance(t, k.toLowerCase(Locale.ROOT))).thenComparing(k -> k))
                .limit(3)
                .toList();
    }

    public static String sentence(String typed, List<String> known) {
        List<String> names = closest(typed, known);
        if (names.isEmpty()) return "";
        return " Did you mean " + String.join(" or ", names.stream().map(n -> "`" + n + "`").toList()) + "?";
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
