import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Locale } from '../../../core/index';
import { escapeMrkdwn } from '../../blocks/text';

/** What a modal's submit decided: the confirmation to show, or the problems by input block. */
export type SubmissionOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/** Slack gives a view submission three seconds; answering by two leaves room for the network. */
export const SUBMISSION_ACK_MS = 2_000;

const SAVING = { es: 'Guardando en la planilla… no cierre ni envíe de nuevo.', en: 'Saving to the sheet… do not close or submit again.' } as const;

type Args = Pick<SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs, 'ack' | 'client' | 'view' | 'logger'>;
type Client = Args['client'];

const noticeView = (view: Args['view'], text: string) => ({
  type: 'modal' as const,
  title: view.title,
  close: { type: 'plain_text' as const, text: 'OK' },
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: escapeMrkdwn(text) } }],
});

/**
 * Answers a modal's submit with what `outcome` decides, in time: a write to Google Sheets or a
 * large .xlsx can take longer than Slack waits, and a late answer closes the form with an error
 * while the write goes on (the user then submits again). When the outcome is not in by `ackWithinMs`,
 * the modal turns into a "saving" notice at once and is updated with the outcome when it comes
 * (the problems as text then: the form itself is gone).
 */
export async function answerSubmission(args: Args, outcome: Promise<SubmissionOutcome>, options: { readonly locale: Locale; readonly ackWithinMs?: number }): Promise<SubmissionOutcome> {
  const { ack, client, view, logger } = args;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), options.ackWithinMs ?? SUBMISSION_ACK_MS);
  });
  const first = await Promise.race([outcome, late]);
  clearTimeout(timer);
  if (first !== 'late') {
    await (first.ok ? ack() : ack({ response_action: 'errors', errors: { ...first.errors } }));
    return first;
  }
  await ack({ response_action: 'update', view: noticeView(view, SAVING[options.locale]) });
  const done = await outcome;
  const text = done.ok ? done.text : Object.values(done.errors).join('\n');
  await client.views.update({ view_id: view.id, view: noticeView(view, text) }).catch((error) => logger.warn(`Could not show the outcome in the modal: ${(error as Error).message}`));
  return done;
}

/** The confirmation, to the user only in the conversation the form came from, else by direct message. */
export async function confirmToUser(client: Client, logger: Args['logger'], where: { readonly channel: string | null; readonly user: string }, text: string): Promise<void> {
  try {
    if (!where.channel) throw new Error('no channel');
    await client.chat.postEphemeral({ channel: where.channel, user: where.user, text });
  } catch {
    await client.chat.postMessage({ channel: where.user, text }).catch((error) => logger.warn(`Could not confirm to ${where.user}: ${(error as Error).message}`));
  }
}
