#!/usr/bin/env node
/**
 * Weighbridge indicator simulator: writes the continuous output of an indicator to a serial port path (one end of
 * a socat pty pair, or a real port through a null-modem cable) so the DispatchDesk scale driver can be tried and
 * tested without a weighbridge.
 *
 *   socat -d -d pty,raw,echo=0,link=/tmp/scale/A pty,raw,echo=0,link=/tmp/scale/B &
 *   node scripts/scale-sim.mjs --port /tmp/scale/B [--format xk3190a9|stgs] [--rate 10] [--unit kg|t] [--decimals 0]
 *                              [--weight 0] [--script "hold 32140; wait 5000; jitter 32140 80; wait 3000; quit"]
 *   (the host reads /tmp/scale/A: setting weighing.scalePort, or `--scale-port /tmp/scale/A` on the headless host)
 *
 * Commands (stdin, one per line, or `;`-separated in --script):
 *   set <kg> | hold <kg>          show this weight steadily (stable)
 *   ramp <kg> <ms>                move linearly to <kg> over <ms> (a truck driving on)
 *   jitter <kg> <amplitudeKg>     swing ±amplitude around <kg> every frame (never stable)
 *   garbage [n] [kind]            send n bad frames instead of good ones: kind checksum|length|digits|noise|mixed (default 6 mixed)
 *   stop | start                  go silent / resume sending
 *   rate <framesPerSecond>        change the frame rate
 *   wait <ms>                     (scripts) wait before the next command
 *   quit                          exit
 * Every command is acknowledged on stdout with "ok <command>" (tests wait for it); errors with "error …".
 * The port is reopened by itself when it goes away (socat restarted), so a cable pull can be simulated on either side.
 */
import { Buffer } from 'node:buffer';
import { closeSync, constants, openSync, write } from 'node:fs';
import { clearInterval, setInterval } from 'node:timers';
import { simOptions, startCommandLoop } from './lib/simCli.mjs';

const opt = simOptions(
  'Usage: node scripts/scale-sim.mjs --port <path> [--format xk3190a9|stgs] [--rate 10] [--unit kg|t] [--decimals 0] [--weight 0] [--script "cmd; cmd"]',
);

const portPath = opt('port');
const format = opt('format', 'xk3190a9');
const unit = opt('unit', 'kg');
const decimals = Number(opt('decimals', '0'));
if (!['xk3190a9', 'stgs'].includes(format) || !['kg', 't'].includes(unit) || !(decimals >= 0 && decimals <= 4)) {
  console.error('error: --format xk3190a9|stgs, --unit kg|t, --decimals 0..4');
  process.exit(2);
}

const state = {
  rate: Number(opt('rate', '10')),
  mode: 'hold', // hold | ramp | jitter | silent
  kg: Number(opt('weight', '0')),
  ramp: null, // { from, to, start, ms }
  jitter: 0,
  frame: 0,
  garbage: [], // queued bad frames
};

// --- frames -------------------------------------------------------------------------------------------------
const STX = 0x02;
const ETX = 0x03;
const ascii = (s) => [...s].map((c) => c.charCodeAt(0));
function check(body) {
  let x = 0;
  for (const b of body) x ^= b;
  const nib = (n) => (n <= 9 ? n + 0x30 : n + 0x37);
  return [nib(x >> 4), nib(x & 0x0f)];
}
/** The indicator's display value for kg, as an integer of display units. */
function displayUnits(kg) {
  const perKg = 10 ** decimals / (unit === 't' ? 1000 : 1);
  return Math.round(kg * perKg);
}
function xk3190(kg) {
  const units = displayUnits(kg);
  const body = [units < 0 ? 0x2d : 0x2b, ...ascii(String(Math.abs(units)).padStart(6, '0').slice(-6)), 0x30 + decimals];
  return Buffer.from([STX, ...body, ...check(body), ETX]);
}
function stgs(kg, stable) {
  const units = displayUnits(kg);
  const digits = String(Math.abs(units)).padStart(decimals + 1, '0');
  const value = decimals ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  return Buffer.from(`${stable ? 'ST' : 'US'},GS,${units < 0 ? '-' : '+'}${value.padStart(7, ' ')}${unit}\r\n`, 'latin1');
}
function goodFrame(kg, stable) {
  return format === 'xk3190a9' ? xk3190(kg) : stgs(kg, stable);
}
const GARBAGE_KINDS = ['checksum', 'length', 'digits', 'noise'];
function badFrame(kind, kg) {
  if (format === 'xk3190a9') {
    const f = xk3190(kg);
    if (kind === 'checksum') {
      f[10] = f[10] === 0x30 ? 0x31 : 0x30;
      return f;
    }
    if (kind === 'length') return Buffer.concat([f.subarray(0, 7), Buffer.from([ETX])]);
    if (kind === 'digits') {
      f[4] = 0x41; // 'A'
      const [hi, lo] = check(f.subarray(1, 9));
      f[9] = hi;
      f[10] = lo;
      return f;
    }
    return Buffer.from([0xff, 0x00, 0x7e, 0x55, 0x0d, 0x0a]);
  }
  if (kind === 'checksum') return Buffer.from(`ST,GS,+${String(kg).padStart(7, ' ')}lb\r\n`, 'latin1'); // no checksum in this format: a bad unit
  if (kind === 'length') return Buffer.from(`ST,GS,+${'9'.repeat(40)}kg\r\n`, 'latin1');
  if (kind === 'digits') return Buffer.from('ST,GS,+  12x45kg\r\n', 'latin1');
  return Buffer.from([0xff, 0x00, 0x7e, 0x55, 0x0d, 0x0a]);
}

// --- the port (reopened when it goes away) -------------------------------------------------------------------
let fd = null;
let lastOpenError = '';
function ensureOpen() {
  if (fd !== null) return true;
  try {
    fd = openSync(portPath, constants.O_WRONLY | constants.O_NOCTTY | constants.O_NONBLOCK);
    console.log(`sim: port open ${portPath}`);
    lastOpenError = '';
    return true;
  } catch (err) {
    if (err.code !== lastOpenError) console.log(`sim: cannot open ${portPath} (${err.code}); retrying`);
    lastOpenError = err.code;
    return false;
  }
}
function send(buf) {
  if (!ensureOpen()) return;
  const current = fd;
  write(current, buf, (err) => {
    if (!err || err.code === 'EAGAIN') return; // nobody reading: a real indicator just keeps sending
    if (fd === current) {
      console.log(`sim: port lost (${err.code})`);
      try {
        closeSync(current);
      } catch {
        /* already gone */
      }
      fd = null;
    }
  });
}

// --- the frame clock -------------------------------------------------------------------------------------------
function currentKg(now) {
  if (state.mode === 'ramp' && state.ramp) {
    const { from, to, start, ms } = state.ramp;
    const f = ms <= 0 ? 1 : Math.min(1, (now - start) / ms);
    const kg = Math.round(from + (to - from) * f);
    if (f >= 1) {
      state.mode = 'hold';
      state.kg = to;
      state.ramp = null;
    }
    return { kg, stable: false };
  }
  if (state.mode === 'jitter') {
    state.frame++;
    return { kg: state.kg + (state.frame % 2 ? state.jitter : -state.jitter), stable: false };
  }
  return { kg: state.kg, stable: true };
}
let timer = null;
function tick() {
  if (state.mode === 'silent') return;
  const now = Date.now();
  const { kg, stable } = currentKg(now);
  if (state.garbage.length) send(badFrame(state.garbage.shift(), kg));
  else send(goodFrame(kg, stable));
}
function startClock() {
  if (timer) clearInterval(timer);
  timer = setInterval(tick, Math.max(10, Math.round(1000 / state.rate)));
}

// --- commands --------------------------------------------------------------------------------------------------
let silentBefore = 'hold';
function run(line) {
  const [cmd, ...rest] = line.trim().split(/\s+/);
  const n = rest.map(Number);
  const num = (i, name) => {
    if (!Number.isFinite(n[i])) throw new Error(`${cmd} needs ${name}`);
    return n[i];
  };
  switch (cmd) {
    case undefined:
    case '':
      return;
    case 'set':
    case 'hold':
      state.kg = Math.round(num(0, '<kg>'));
      state.mode = 'hold';
      break;
    case 'ramp':
      state.ramp = { from: state.kg, to: Math.round(num(0, '<kg>')), start: Date.now(), ms: num(1, '<ms>') };
      state.kg = state.ramp.to;
      state.mode = 'ramp';
      break;
    case 'jitter':
      state.kg = Math.round(num(0, '<kg>'));
      state.jitter = Math.round(num(1, '<amplitudeKg>'));
      state.mode = 'jitter';
      break;
    case 'garbage': {
      const count = Number.isFinite(n[0]) ? n[0] : 6;
      const kind = rest[1] ?? (Number.isFinite(n[0]) ? 'mixed' : (rest[0] ?? 'mixed'));
      if (kind !== 'mixed' && !GARBAGE_KINDS.includes(kind)) throw new Error(`garbage kind: ${GARBAGE_KINDS.join('|')}|mixed`);
      for (let i = 0; i < count; i++) state.garbage.push(kind === 'mixed' ? GARBAGE_KINDS[i % GARBAGE_KINDS.length] : kind);
      break;
    }
    case 'stop':
      if (state.mode !== 'silent') silentBefore = state.mode;
      state.mode = 'silent';
      break;
    case 'start':
      if (state.mode === 'silent') state.mode = silentBefore === 'ramp' ? 'hold' : silentBefore;
      break;
    case 'rate':
      state.rate = Math.max(1, Math.min(100, num(0, '<framesPerSecond>')));
      startClock();
      break;
    case 'quit':
    case 'exit':
      console.log('ok quit');
      process.exit(0);
      break;
    default:
      throw new Error(`unknown command ${cmd}`);
  }
}

console.log(`sim: ${format} ${unit} decimals=${decimals} ${state.rate}/s → ${portPath}`);
startClock();
startCommandLoop(run, opt('script'));
