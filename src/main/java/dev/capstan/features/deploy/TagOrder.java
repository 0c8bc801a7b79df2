package dev.capstan.features.deploy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders tag names as versions, since GitHub lists tags in no date order: runs of digits compare as numbers
 * ({@code v1.10.0} after {@code v1.9.2}), other text as text, and a pre-release ({@code v2.0.0-rc1}) comes before its release.
 */
final class TagOrder implements Comparator<String> {
    static final TagOrder VERSIONS = new TagOrder();

    private TagOrder() {
    }

    @Override
    public int compare(String a, String b) {
        List<String> left = parts(a);
        List<String> right = parts(b);
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            String x = left.get(i);
            String y = right.get(i);
            boolean numbers = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0));
            int order = numbers ? new BigInteger(x).compareTo(new BigInteger(y)) : x.compareTo(y);
            if (order != 0) return order;
        }
        if (left.size() == right.size()) return 0;
        boolean leftLonger = left.size() > right.size();
        String extra = (leftLonger ? left : right).get(Math.min(left.size(), right.size()));
        int longerIsNewer = extra.startsWith("-") ? -1 : 1;
        return leftLonger ? longerIsNewer : -longerIsNewer;
    }

    private static List<String> parts(String name) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= name.length(); i++) {
            if (i == name.length() || Character.isDigit(name.charAt(i)) != Character.isDigit(name.charAt(start))) {
                parts.add(name.substring(start, i));
                start = i;
            }
        }
        return parts;
    }
}
