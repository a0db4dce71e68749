#!/usr/bin/env node
/**
 * Bag counter (点包器) simulator: plays the packing machines' counters on a serial port path (one end of a socat pty
 * pair, or a real port through a null-modem cable / RS-485 adapter) so the DispatchDesk counter driver can be tried
 * and tested without a packing line. Speaks both protocols of src/main/dispatch/counter/counterProtocols.ts.
 *
 *   socat -d -d pty,raw,echo=0,link=/tmp/counter/A pty,raw,echo=0,link=/tmp/counter/B &
 *   node scripts/counter-sim.mjs --port /tmp/counter/B [--protocol asciiLine|modbusRtu] [--rate 60] [--report-ms 1000]
 *                                [--script "wait 5000; garbage 4 mixed; quit"]
 *   (the host reads /tmp/counter/A: setting dispatch.counterPort, or `--bag-counter-port /tmp/counter/A` on the headless host)
 *
 * A channel counts only once the host armed it (`@P1,40` / Modbus write of the preset): then one bag passes every
 * 60 000 / rate ms until the preset is reached (the conveyor stops there). asciiLine: every count change is reported
 * as `#P1,12*HH`, and all channels again every --report-ms; `?P1` is answered. modbusRtu: the simulator is every unit
 * id on the bus (channel P<unit>), answering function 03 (count, preset) and 16 (arm).
 *
 * Commands (stdin, one per line, or `;`-separated in --script):
 *   rate <bagsPerMinute>          bags per minute per armed channel
 *   stop | start                  the conveyors stop / run (armed channels stop counting)
 *   add <channel> <bags>          bags pass the eye by hand (never past the preset)
 *   garbage [n] [kind]            n bad frames: asciiLine noise|format|digits|checksum|over|backwards|mixed (default 6 mixed);
 *                                 modbusRtu crc|noise|mixed (the next n replies are broken)
 *   report                        (asciiLine) report every channel now
 *   silent | talk                 stop answering / sending anything, resume
 *   wait <ms>                     (scripts) wait before the next command
 *   quit                          exit
 * Every command is acknowledged on stdout with "ok <command>"; errors with "error …". Events: "sim: armed P1 40",
 * "sim: P1 12/40", "sim: P1 done 40". The port is reopened by itself when it goes away (socat restarted).
 */
import { Buffer } from 'node:buffer';
import { clearInterval, setInterval, setTimeout } from 'node:timers';
import { SerialPort } from 'serialport';
import { simOptions, startCommandLoop } from './lib/simCli.mjs';

const opt = simOptions(
  'Usage: node scripts/counter-sim.mjs --port <path> [--protocol asciiLine|modbusRtu] [--rate 60] [--report-ms 1000] [--script "cmd; cmd"]',
);
const portPath = opt('port');
const protocol = opt('protocol', 'asciiLine');
if (!['asciiLine', 'modbusRtu'].includes(protocol)) {
  console.error('error: --protocol asciiLine|modbusRtu');
  process.exit(2);
}
const state = {
  rate: Number(opt('rate', '60')),
  reportMs: Number(opt('report-ms', '1000')),
  running: true,
  silent: false,
  garbage: [],
};
/** channel → { count, preset } */
const channels = new Map();

// --- the port (reopened when it goes away) ---------------------------------------------------------------------
let port = null;
let opening = false;
function openPort() {
  if (port || opening) return;
  opening = true;
  const p = new SerialPort({ path: portPath, baudRate: Number(opt('baud', '9600')), autoOpen: false });
  p.open((err) => {
    opening = false;
    if (err) {
      setTimeout(openPort, 200);
      return;
    }
    port = p;
    console.log(`sim: port open ${portPath}`);
    p.on('data', onData);
    const gone = () => {
      if (port !== p) return;
      port = null;
      console.log('sim: port lost');
      p.removeAllListeners();
      p.on('error', () => undefined);
      setTimeout(openPort, 200);
    };
    p.on('close', gone);
    p.on('error', gone);
  });
}
function send(buf) {
  if (state.silent || !port) return;
  port.write(buf, () => undefined);
}

// --- asciiLine ---------------------------------------------------------------------------------------------------
const xorHex = (text) => {
  let x = 0;
  for (const c of text) x ^= c.charCodeAt(0);
  return x.toString(16).toUpperCase().padStart(2, '0');
};
const countLine = (channel, count) => {
  const body = `${channel},${count}`;
  return Buffer.from(`#${body}*${xorHex(body)}\r\n`, 'latin1');
};
function reportAscii(channel) {
  const c = channels.get(channel);
  if (!c) return;
  if (state.garbage.length) return send(badAscii(state.garbage.shift()));
  send(countLine(channel, c.count));
}
const ASCII_KINDS = ['noise', 'format', 'digits', 'checksum', 'over', 'backwards'];
function badAscii(kind) {
  const [channel, c] = [...channels.entries()][0] ?? ['P1', { count: 0, preset: 0 }];
  switch (kind) {
    case 'noise':
      return Buffer.from([0xff, 0x00, 0x7e, 0x55, 0x0d, 0x0a]);
    case 'format':
      return Buffer.from(`#${channel};${c.count}\r\n`, 'latin1');
    case 'digits':
      return Buffer.from(`#${channel},1x${c.count}\r\n`, 'latin1');
    case 'checksum': {
      const body = `${channel},${c.count + 1}`;
      const good = xorHex(body);
      return Buffer.from(`#${body}*${good === '00' ? '01' : '00'}\r\n`, 'latin1');
    }
    case 'over':
      return countLine(channel, (c.preset ?? 0) + 5);
    default: // backwards
      return countLine(channel, Math.max(0, c.count - 1) === c.count ? 0 : c.count - 1);
  }
}
let lineBuffer = '';
function onAsciiData(chunk) {
  lineBuffer += chunk.toString('latin1');
  let i;
  while ((i = lineBuffer.search(/[\r\n]/)) >= 0) {
    const line = lineBuffer.slice(0, i).trim();
    lineBuffer = lineBuffer.slice(i + 1);
    if (!line || state.silent) continue;
    let m;
    if ((m = /^@([A-Za-z0-9_-]{1,16}),(\d{1,6})$/.exec(line))) {
      channels.set(m[1], { count: 0, preset: Number(m[2]) });
      console.log(`sim: armed ${m[1]} ${m[2]}`);
      send(countLine(m[1], 0));
    } else if ((m = /^\?([A-Za-z0-9_-]{1,16})$/.exec(line))) {
      if (channels.has(m[1])) send(countLine(m[1], channels.get(m[1]).count));
    } else console.log(`sim: ignored ${JSON.stringify(line)}`);
  }
  if (lineBuffer.length > 256) lineBuffer = '';
}

// --- modbusRtu (a slave for every unit id) --------------------------------------------------------------------------
function crc16(bytes) {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}
const withCrc = (bytes) => {
  const crc = crc16(bytes);
  return Buffer.from([...bytes, crc & 0xff, crc >> 8]);
};
let rtu = [];
function onRtuData(chunk) {
  rtu.push(...chunk);
  for (;;) {
    if (rtu.length < 8) return;
    const fn = rtu[1];
    const len = fn === 0x10 ? 7 + (rtu[6] ?? 0) + 2 : 8;
    if (rtu.length < len) return;
    const frame = rtu.slice(0, len);
    rtu = rtu.slice(len);
    const crc = crc16(frame.slice(0, len - 2));
    if (frame[len - 2] !== (crc & 0xff) || frame[len - 1] !== crc >> 8) {
      console.log('sim: request with a bad CRC dropped');
      rtu = [];
      return;
    }
    if (state.silent) continue;
    const unit = frame[0];
    const channel = `P${unit}`;
    if (fn === 0x03) {
      const c = channels.get(channel) ?? { count: 0, preset: 0 };
      const reply = withCrc([unit, 0x03, 0x04, c.count >> 8, c.count & 0xff, c.preset >> 8, c.preset & 0xff]);
      sendRtu(reply);
    } else if (fn === 0x10) {
      const preset = (frame[9] << 8) | frame[10];
      channels.set(channel, { count: 0, preset });
      console.log(`sim: armed ${channel} ${preset}`);
      sendRtu(withCrc([unit, 0x10, 0x00, 0x00, 0x00, 0x02]));
    } else sendRtu(withCrc([unit, fn | 0x80, 0x01]));
  }
}
function sendRtu(reply) {
  const kind = state.garbage.shift();
  if (kind === 'crc') {
    reply[reply.length - 1] ^= 0xff;
    return send(reply);
  }
  if (kind === 'noise') return send(Buffer.from([0xff, 0x00, 0x7e, 0x55, 0x0d]));
  send(reply);
}

function onData(chunk) {
  if (protocol === 'asciiLine') onAsciiData(chunk);
  else onRtuData(chunk);
}

// --- the conveyors ---------------------------------------------------------------------------------------------
function addBags(channel, bags) {
  const c = channels.get(channel);
  if (!c || c.count >= c.preset) return;
  c.count = Math.min(c.preset, c.count + bags);
  console.log(c.count >= c.preset ? `sim: ${channel} done ${c.count}` : `sim: ${channel} ${c.count}/${c.preset}`);
  if (protocol === 'asciiLine') reportAscii(channel);
}
let bagTimer = null;
function startBagClock() {
  if (bagTimer) clearInterval(bagTimer);
  bagTimer = setInterval(
    () => {
      if (!state.running) return;
      for (const channel of channels.keys()) addBags(channel, 1);
    },
    Math.max(10, Math.round(60_000 / state.rate)),
  );
}
setInterval(() => {
  if (protocol !== 'asciiLine') return;
  if (!channels.size && state.garbage.length) send(badAscii(state.garbage.shift()));
  for (const channel of channels.keys()) reportAscii(channel);
}, Math.max(50, state.reportMs));

// --- commands --------------------------------------------------------------------------------------------------
function run(line) {
  const [cmd, ...rest] = line.trim().split(/\s+/);
  const n = rest.map(Number);
  switch (cmd) {
    case undefined:
    case '':
      return;
    case 'rate':
      if (!(n[0] > 0)) throw new Error('rate needs <bagsPerMinute>');
      state.rate = n[0];
      startBagClock();
      break;
    case 'stop':
      state.running = false;
      break;
    case 'start':
      state.running = true;
      break;
    case 'silent':
      state.silent = true;
      break;
    case 'talk':
      state.silent = false;
      break;
    case 'add':
      if (!rest[0] || !(n[1] > 0)) throw new Error('add needs <channel> <bags>');
      addBags(rest[0], n[1]);
      break;
    case 'report':
      for (const channel of channels.keys()) reportAscii(channel);
      break;
    case 'garbage': {
      const kinds = protocol === 'asciiLine' ? ASCII_KINDS : ['crc', 'noise'];
      const count = Number.isFinite(n[0]) ? n[0] : 6;
      const kind = rest[1] ?? (Number.isFinite(n[0]) ? 'mixed' : (rest[0] ?? 'mixed'));
      if (kind !== 'mixed' && !kinds.includes(kind)) throw new Error(`garbage kind: ${kinds.join('|')}|mixed`);
      for (let i = 0; i < count; i++) state.garbage.push(kind === 'mixed' ? kinds[i % kinds.length] : kind);
      break;
    }
    case 'quit':
    case 'exit':
      console.log('ok quit');
      process.exit(0);
      break;
    default:
      throw new Error(`unknown command ${cmd}`);
  }
}

console.log(`sim: counter ${protocol} ${state.rate} bags/min → ${portPath}`);
openPort();
startBagClock();
startCommandLoop(run, opt('script'));
