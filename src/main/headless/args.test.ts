import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('headless args', () => {
  it('--scale-port sets the scale indicator port (overrides the setting); without it the setting decides', () => {
    expect(parseArgs(['--scale-port', '/tmp/scale/A'], {}).scalePort).toBe('/tmp/scale/A');
    expect(parseArgs([], {}).scalePort).toBeUndefined();
    expect(() => parseArgs(['--scale-port'], {})).toThrow(/--scale-port needs a value/);
  });

  it('--bag-counter-port sets the bag counter port (overrides dispatch.counterPort); it excludes --bag-counter-sim', () => {
    expect(parseArgs(['--bag-counter-port', '/tmp/counter/A'], {}).bagCounterPort).toBe('/tmp/counter/A');
    expect(parseArgs([], {}).bagCounterPort).toBeUndefined();
    expect(() => parseArgs(['--bag-counter-port'], {})).toThrow(/--bag-counter-port needs a value/);
    expect(() => parseArgs(['--bag-counter-port', '/tmp/counter/A', '--bag-counter-sim', '30'], {})).toThrow(/exclude each other/);
  });
});
