package dev.capstan.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** One Slack message ready to send: fallback text and blocks that respect Slack's limits. */
public record SlackMessage(String text, List<LayoutBlock> blocks) {
}
