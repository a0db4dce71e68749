import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { subscribe } from './subscribe';

/** A stand-in EventSource recording what the page opened and closed. */
class FakeEventSource {
  static all: FakeEventSource[] = [];
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  close() {
    this.closed = true;
  }
  emit(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent<string>);
  }
  static open() {
    return FakeEventSource.all.filter((s) => !s.closed);
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('subscribe over HTTP', () => {
  beforeEach(() => {
    FakeEventSource.all = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shares one stream per page and session, delivering each message to the screens that asked for it', async () => {
    const settings: string[] = [];
    const staff: string[] = [];
    const offA = subscribe(['settings.changed'], (m) => settings.push(m.topic), 'tok');
    const offB = subscribe(['staff.changed'], (m) => staff.push(m.topic), 'tok');
    await settle();
    expect(FakeEventSource.open()).toHaveLength(1);
    const stream = FakeEventSource.open()[0];
    expect(decodeURIComponent(stream.url)).toContain('topics=settings.changed,staff.changed');
    stream.emit({ topic: 'staff.changed', payload: { staffId: 1 }, at: 1 });
    expect(staff).toEqual(['staff.changed']);
    expect(settings).toEqual([]);

    offB();
    await settle();
    expect(FakeEventSource.open()).toHaveLength(1);
    expect(FakeEventSource.open()[0].url).not.toContain('staff.changed');
    offA();
    await settle();
    expect(FakeEventSource.open()).toHaveLength(0);
  });

  it('keeps a public board (no session) on its own stream', async () => {
    const off1 = subscribe(['tickets.changed'], () => undefined, '');
    const off2 = subscribe(['settings.changed'], () => undefined, 'tok');
    await settle();
    expect(FakeEventSource.open().map((s) => s.url.includes('token='))).toEqual([false, true]);
    off1();
    off2();
  });
});
