import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeRaw, LineSplitter, openErrorReason, SerialLink, type SerialLinkStatus } from './serialLink';

/** A stand-in for the serialport module: opens fail while `failures` > 0; `instances` are the ports made. */
function fakeSerialPort(opts: { failures: number; error?: string }) {
  const instances: FakePort[] = [];
  class FakePort extends EventEmitter {
    isOpen = false;
    written: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      super();
      instances.push(this);
    }
    open(cb: (err: Error | null) => void) {
      if (opts.failures > 0) {
        opts.failures--;
        setTimeout(() => cb(new Error(opts.error ?? 'Error: No such file or directory, cannot open /dev/x')), 0);
      } else {
        this.isOpen = true;
        setTimeout(() => cb(null), 0);
      }
    }
    write(data: string | Buffer, cb: (err?: Error | null) => void) {
      this.written.push(String(data));
      cb(null);
    }
    close(cb: () => void) {
      this.isOpen = false;
      cb();
    }
  }
  return { instances, load: async () => FakePort as never };
}

describe('SerialLink', () => {
  afterEach(() => vi.useRealTimers());

  it('retries a failed open with a doubling backoff up to the maximum, then opens; writes only while open', async () => {
    vi.useFakeTimers();
    const fake = fakeSerialPort({ failures: 3 });
    const statuses: Array<[SerialLinkStatus, string | null]> = [];
    const logs: string[] = [];
    const link = new SerialLink({ port: '/dev/x', baudRate: 9600, parity: 'even', dataBits: 8, stopBits: 1 }, { onData: () => {}, onStatus: (s, r) => statuses.push([s, r]) }, { name: 'test', reconnectMs: 100, maxReconnectMs: 250, log: (l) => logs.push(l), loadSerialPort: fake.load });
    expect(link.write('x')).toBe(false);
    link.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(link.status).toBe('disconnected');
    expect(link.reason).toBe('portNotFound');
    expect(fake.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100); // 1st retry after 100 ms
    expect(fake.instances).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(fake.instances).toHaveLength(2); // 2nd retry after 200 ms
    await vi.advanceTimersByTimeAsync(2);
    expect(fake.instances).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(249); // 3rd after 250 ms (the maximum, not 400)
    expect(fake.instances).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(2);
    expect(fake.instances).toHaveLength(4);
    expect(link.status).toBe('connected');
    expect(fake.instances[3]!.options).toMatchObject({ path: '/dev/x', baudRate: 9600, parity: 'even', autoOpen: false });
    expect(link.write('@P1,5\r\n')).toBe(true);
    expect(fake.instances[3]!.written).toEqual(['@P1,5\r\n']);
    expect(logs.filter((l) => l.includes('cannot open'))).toHaveLength(1); // the same failure logged once per 10 s
    expect(statuses.at(-1)).toEqual(['connected', null]);

    // the port closes (cable pulled): disconnected, retried from the first interval again
    fake.instances[3]!.isOpen = false;
    fake.instances[3]!.emit('close');
    expect(link.status).toBe('disconnected');
    expect(link.reason).toBe('cableDisconnected');
    expect(link.write('x')).toBe(false);
    await vi.advanceTimersByTimeAsync(101);
    expect(link.status).toBe('connected');
    await link.close();
    expect(fake.instances.at(-1)!.isOpen).toBe(false);
  });

  it('data goes to the driver; a handler that throws is logged, never thrown into the host', async () => {
    const fake = fakeSerialPort({ failures: 0 });
    const got: string[] = [];
    const logs: string[] = [];
    const link = new SerialLink(
      { port: '/dev/y', baudRate: 9600, parity: 'none', dataBits: 8, stopBits: 1 },
      {
        onData: (c) => {
          if (c.toString() === 'boom') throw new Error('bad');
          got.push(c.toString());
        },
      },
      { name: 'test', log: (l) => logs.push(l), loadSerialPort: fake.load },
    );
    link.start();
    await new Promise((r) => setTimeout(r, 5));
    fake.instances[0]!.emit('data', Buffer.from('#P1,3\r\n'));
    fake.instances[0]!.emit('data', Buffer.from('boom'));
    expect(got).toEqual(['#P1,3\r\n']);
    expect(logs.some((l) => l.includes('handling received bytes failed'))).toBe(true);
    await link.close();
  });

  it('maps open errors to reasons; a missing serialport module is an error status', async () => {
    expect(openErrorReason(new Error('EACCES: Permission denied'))).toBe('permissionDenied');
    expect(openErrorReason(new Error('Error Resource temporarily unavailable Cannot lock port'))).toBe('portBusy');
    expect(openErrorReason(new Error('weird'))).toBe('openFailed');
    const link = new SerialLink({ port: '/dev/z', baudRate: 9600, parity: 'none', dataBits: 8, stopBits: 1 }, { onData: () => {} }, { name: 'test', log: () => {}, loadSerialPort: () => Promise.reject(new Error('no module')) });
    link.start();
    await new Promise((r) => setTimeout(r, 5));
    expect(link.status).toBe('error');
    expect(link.reason).toBe('driverMissing');
    await link.close();
  });
});

describe('LineSplitter', () => {
  it('splits on CR and LF across chunks, drops empty lines, reports a run-away line once', () => {
    const s = new LineSplitter(16);
    expect(s.push(Buffer.from('ab'))).toEqual([]);
    expect(s.push(Buffer.from('c\r\n\r\nde\n'))).toEqual([{ line: 'abc' }, { line: 'de' }]);
    expect(s.push(Buffer.alloc(20, 0x58))).toEqual([{ overflow: 'X'.repeat(20) }]);
    expect(s.push(Buffer.alloc(20, 0x58))).toEqual([]);
    expect(s.push(Buffer.from('XX\nok\n'))).toEqual([{ line: 'ok' }]);
    expect(describeRaw(Buffer.from([0x23, 0x00, 0xff]))).toBe('#\\x00\\xff');
  });
});
