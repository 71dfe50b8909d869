import * as React from "react";
import {
  Box,
  Button,
  Field,
  Flex,
  Loader,
  Textarea,
  Typography,
} from "@strapi/design-system";
import type { PanelComponent } from "@strapi/content-manager/strapi-admin";
import { useIntl } from "react-intl";
import { useOfficialReplies } from "../api/official-replies";
import { getTranslation } from "../pluginId";

const INITIATIVE_UID = "api::initiative.initiative";
/** The same limit as a reaction's body on the server. */
const MAX_LENGTH = 2000;

function OfficialReplies({ documentId }: { documentId: string }) {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });
  const { state, send } = useOfficialReplies(documentId);
  const [body, setBody] = React.useState("");
  const [sending, setSending] = React.useState(false);
  const [message, setMessage] = React.useState<{
    tone: "success600" | "danger600";
    text: string;
  } | null>(null);

  if (state.status === "loading")
    return (
      <Loader small>{t("reply.loading", "Loading official replies…")}</Loader>
    );
  if (state.status === "forbidden")
    return (
      <Typography variant="omega">
        {t("reply.forbidden", "Your role may not post official replies.")}
      </Typography>
    );
  if (state.status === "error")
    return (
      <Typography variant="omega" textColor="danger600">
        {t("reply.error", "The official replies could not be loaded.")}
      </Typography>
    );

  const submit = async () => {
    setSending(true);
    setMessage(null);
    try {
      await send(body.trim());
      setBody("");
      setMessage({
        tone: "success600",
        text: t(
          "reply.sent",
          "Posted. The initiator and the followers are told.",
        ),
      });
    } catch {
      setMessage({
        tone: "danger600",
        text: t(
          "reply.failed",
          "The reply could not be posted. Is the initiative published?",
        ),
      });
    } finally {
      setSending(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      {/* No <form>: the panel sits inside the edit view's own form, which a nested submit would save. */}
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Field.Root
          name="officialReply"
          hint={t(
            "reply.hint",
            "Public, shown above the reactions, and mailed to the initiator and followers.",
          )}
        >
          <Field.Label>{t("reply.label", "Official reply")}</Field.Label>
          <Textarea
            value={body}
            maxLength={MAX_LENGTH}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
              setBody(e.target.value)
            }
          />
          <Field.Hint />
        </Field.Root>
        <Button
          type="button"
          onClick={submit}
          loading={sending}
          disabled={!body.trim()}
        >
          {t("reply.submit", "Post official reply")}
        </Button>
        <Box role="status" aria-live="polite">
          {message && (
            <Typography variant="pi" textColor={message.tone}>
              {message.text}
            </Typography>
          )}
        </Box>
      </Flex>
      {state.replies.map((reply) => (
        <Box
          key={reply.id}
          tag="article"
          background="neutral100"
          padding={2}
          hasRadius
        >
          <Typography variant="pi" textColor="neutral600" tag="p">
            {reply.authorName} ·{" "}
            {formatDate(reply.createdAt, {
              dateStyle: "medium",
              timeStyle: "short",
            })}
          </Typography>
          <Typography
            variant="omega"
            tag="p"
            style={{ whiteSpace: "pre-wrap" }}
          >
            {reply.body}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
}

/** Edit-view side panel of a saved initiative: staff reply for the town (Settings → Roles decides who may). */
export const OfficialReplyPanel: PanelComponent = ({ model, documentId }) => {
  const { formatMessage } = useIntl();
  if (model !== INITIATIVE_UID || !documentId) return null;
  return {
    title: formatMessage({
      id: getTranslation("reply.title"),
      defaultMessage: "Official reply",
    }),
    content: <OfficialReplies documentId={documentId} />,
  };
};
