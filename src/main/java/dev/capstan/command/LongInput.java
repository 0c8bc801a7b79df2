package dev.capstan.command;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Over-long words the caller typed, cut wherever a reply repeats them: a pasted 6,000-character token is shown as its
 * start and "…(cut)" in the same place (inside its code span, whose backticks stay), so a reply never grows past a
 * message or gets split in the middle of a span because of what someone pasted.
 */
final class LongInput {
    /** Words up to this length are echoed whole. */
    static final int LONGEST = 200;
    /** How much of a longer word is kept. */
    static final int KEPT = 60;
    static final String CUT = "…(cut)";

    private LongInput() {
    }

    /** {@code reply} with every over-long word of {@code typed} (and its tokens, as read) cut. */
    static Reply cut(Reply reply, String typed, List<String> tokens) {
        if (reply == null || typed == null || typed.length() <= LONGEST) return reply;
        Set<String> longWords = new LinkedHashSet<>();
        for (String word : typed.split("\\s+")) if (word.length() > LONGEST) longWords.add(word);
        for (String token : tokens) if (token.length() > LONGEST && !token.contains(" ")) longWords.add(token);
        if (longWords.isEmpty()) return reply;
        UnaryOperator<String> cut = text -> {
            if (text == null) return null;
            String result = text;
            for (String word : longWords) result = result.replace(word, word.substring(0, KEPT) + CUT);
            return result;
        };
        List<Block> blocks = reply.blocks().stream().map(block -> cut(block, cut)).toList();
        return new Reply(cut.apply(reply.text()), blocks, reply.visibility(), reply.replaceOriginal());
    }

    private static Block cut(Block block, UnaryOperator<String> cut) {
        if (block instanceof Block.Header header) return new Block.Header(cut.apply(header.text()));
        if (block instanceof Block.Section section) {
            return new Block.Section(cut.apply(section.markdown()), section.fields().stream().map(cut).toList());
        }
        if (block instanceof Block.Preformatted code) return new Block.Preformatted(cut.apply(code.text()));
        if (block instanceof Block.Context context) return new Block.Context(cut.apply(context.markdown()));
        return block;
    }
}
