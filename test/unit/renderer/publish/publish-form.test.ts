import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, formFromDraft } from '../../../../renderer/workbench/publish-form.js';

const draft = (data: string) => ({ vhost: '/', exchange: '', routingKey: 'q', properties: {}, headers: {}, body: { encoding: 'utf8' as const, data } });

describe('the publish form', () => {
  it('keeps a handed-over body too long to edit as bytes instead of putting it in the editor', () => {
    const data = 'x'.repeat(2 * 1024 * 1024);
    const form = formFromDraft(draft(data));
    expect(form.body.mode).toBe('file');
    expect(form.body.file?.bytes.length).toBe(data.length);
    expect(formFromDraft(draft('{"a":1}')).body).toEqual({ mode: 'json', text: '{"a":1}', file: null });
    expect(formFromDraft(draft('plain words')).body.mode).toBe('text');
  });

  it('checks every property and the repeat settings, and sends only what is filled in', () => {
    const form = emptyForm('orders', 'k');
    const good = checkForm({ ...form, properties: { ...form.properties, priority: '9', expiration: '60000', timestamp: '1767225600', appId: 'shop' } });
    expect(good.problems).toEqual({});
    expect(good.message.properties).toEqual({ contentType: 'application/json', deliveryMode: 2, priority: 9, expiration: '60000', timestamp: 1767225600, appId: 'shop' });
    const bad = checkForm({
      ...form,
      properties: { ...form.properties, priority: '256', expiration: '1.5', timestamp: 'soon' },
      repeat: { mode: 'rate', count: '', perSecond: '0', durationSeconds: '100000' },
    });
    expect(bad.problems).toEqual({
      priority: 'a whole number from 0 to 255',
      expiration: 'whole milliseconds, e.g. 60000',
      timestamp: 'seconds since 1970 (Now fills it in)',
      'repeat.perSecond': 'from 0.1 to 50,000 per second',
      'repeat.durationSeconds': 'from 1 second to 24 hours',
    });
  });
});
