package dev.capstan.features.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on argument values, as written in {@code required_when}, {@code confirm_when} and policy conditions:
 * {@code env == 'production'}, {@code count > 10}, {@code env in ['staging', 'production']}, {@code force} (a flag),
 * combined with {@code &&}/{@code and}, {@code ||}/{@code or}, {@code !}/{@code not} and parentheses.
 */
final class Condition {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(&&|\\|\\||==|!=|<=|>=|[<>!()\\[\\],])|'([^']*)'|\"([^\"]*)\"|(-?\\d+)|([A-Za-z_][A-Za-z0-9_-]*))");

    /** A parsed expression evaluated over the canonical values (absent when not given and without default). */
    private interface Node {
        boolean test(Map<String, String> values);
    }

    private final String source;
    private final Node root;
    private final Set<String> names;

    private Condition(String source, Node root, Set<String> names) {
        this.source = source;
        this.root = root;
        this.names = names;
    }

    /** Parses {@code source}; throws {@link IllegalArgumentException} saying where it stopped making sense. */
    static Condition parse(String source) {
        Parser parser = new Parser(source);
        Node root = parser.or();
        if (parser.position < parser.tokens.size()) throw new IllegalArgumentException("unexpected `" + parser.peek() + "` in `" + source + "`");
        return new Condition(source, root, parser.names);
    }

    String source() {
        return source;
    }

    /** The argument names it reads, so that load can refuse one the command does not have. */
    Set<String> names() {
        return names;
    }

    boolean holds(Map<String, String> values) {
        return root.test(values);
    }

    private static int compare(String left, String right) {
        try {
            return Long.compare(Long.parseLong(left), Long.parseLong(right));
        } catch (NumberFormatException e) {
            return left.compareTo(right);
        }
    }

    private static final class Parser {
        private final String source;
        private final List<String> tokens = new ArrayList<>();
        private final List<Boolean> literal = new ArrayList<>();
        private final Set<String> names = new TreeSet<>();
        private int position;

        Parser(String source) {
            this.source = source;
            Matcher matcher = TOKEN.matcher(source);
            int at = 0;
            while (at < source.length() && !source.substring(at).isBlank()) {
                if (!matcher.find(at) || matcher.start() != at) throw new IllegalArgumentException("can't read `" + source.substring(at).strip() + "`");
                String quoted = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
                String number = matcher.group(4);
                tokens.add(quoted != null ? quoted : number != null ? number : matcher.group(1) != null ? matcher.group(1) : matcher.group(5));
                literal.add(quoted != null || number != null);
                at = matcher.end();
            }
        }

        Node or() {
            Node left = and();
            while (accept("||") || accept("or")) {
                Node a = left;
                Node b = and();
                left = v -> a.test(v) || b.test(v);
            }
            return left;
        }

        Node and() {
            Node left = unary();
            while (accept("&&") || accept("and")) {
                Node a = left;
                Node b = unary();
                left = v -> a.test(v) && b.test(v);
            }
            return left;
        }

        Node unary() {
            if (accept("!") || accept("not")) {
                Node inner = unary();
                return v -> !inner.test(v);
            }
            if (accept("(")) {
                Node inner = or();
                expect(")");
                return inner;
            }
            return comparison();
        }

        Node comparison() {
            String name = name();
            if (accept("in")) {
                expect("[");
                List<String> options = new ArrayList<>(List.of(value()));
                while (accept(",")) options.add(value());
                expect("]");
                return v -> v.get(name) != null && options.contains(v.get(name));
            }
            for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
                if (accept(op)) {
                    String right = value();
                    return v -> {
                        String left = v.get(name);
                        if (op.equals("==")) return right.equals(left);
                        if (op.equals("!=")) return !right.equals(left);
                        if (left == null) return false;
                        int c = compare(left, right);
                        return op.equals("<") ? c < 0 : op.equals(">") ? c > 0 : op.equals("<=") ? c <= 0 : c >= 0;
                    };
                }
            }
            return v -> v.get(name) != null && !v.get(name).isEmpty() && !v.get(name).equals("false");
        }

        private String name() {
            if (position >= tokens.size() || literal.get(position) || !tokens.get(position).matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                throw new IllegalArgumentException("expected an argument name in `" + source + "`" + (position < tokens.size() ? " at `" + peek() + "`" : ""));
            }
            names.add(tokens.get(position));
            return tokens.get(position++);
        }

        private String value() {
            if (position >= tokens.size()) throw new IllegalArgumentException("a value is missing at the end of `" + source + "`");
            String token = tokens.get(position);
            if (!literal.get(position) && !token.equals("true") && !token.equals("false")) {
                throw new IllegalArgumentException("expected a quoted value or a number in `" + source + "`, not `" + token + "`");
            }
            position++;
            return token;
        }

        private boolean accept(String token) {
            if (position < tokens.size() && !literal.get(position) && tokens.get(position).equals(token)) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) throw new IllegalArgumentException("expected `" + token + "` in `" + source + "`");
        }

        private String peek() {
            return tokens.get(position);
        }
    }
}
