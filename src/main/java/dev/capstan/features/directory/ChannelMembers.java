package dev.capstan.features.directory;

import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import dev.capstan.command.TransientFailure;
import dev.capstan.command.UserError;
import dev.capstan.slack.SlackWebApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Everyone in a Slack channel, following conversations.members' cursor to the last page. */
final class ChannelMembers {
    private ChannelMembers() {
    }

    static List<String> of(SlackWebApi slack, String channel) {
        List<String> members = new ArrayList<>();
        String cursor = null;
        try {
            do {
                String page = cursor;
                ConversationsMembersResponse response = slack.call("conversations.members",
                        m -> m.conversationsMembers(r -> r.channel(channel).limit(200).cursor(page)));
                members.addAll(response.getMembers());
                cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
            } while (cursor != null && !cursor.isEmpty());
        } catch (SlackWebApi.SlackCallFailed e) {
            throw new UserError(":warning: Slack would not list the members of <#" + channel + "> (" + e.getMessage()
                    + "); is Capstan in that channel? Nothing was changed.");
        } catch (Exception e) {
            throw new TransientFailure("Slack did not list the members of " + channel, e);
        }
        return members;
    }
}
