import type { FieldTable } from '../../shared/model/workbench/field-value.js';
import type { MessageProperties, WireBytes } from '../../shared/model/workbench/message.js';

/** A message to open in the Publish view's form: a resend, an edit-and-republish, a template. */
export type PublishDraft = {
  vhost: string;
  exchange: string;
  routingKey: string;
  properties: MessageProperties;
  headers: FieldTable;
  body: WireBytes;
};

let waiting: PublishDraft | null = null;

/** Hands a draft to the Publish view and opens it; the view takes the draft once. */
export function openInPublish(draft: PublishDraft): void {
  waiting = draft;
  window.location.hash = '#/publish';
}

/** The draft handed over since the view last looked, if any. */
export function takePublishDraft(): PublishDraft | null {
  const draft = waiting;
  waiting = null;
  return draft;
}
