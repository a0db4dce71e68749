// What the device simulators (scale-sim.mjs, counter-sim.mjs) share: their options, the usage line, and the command
// loop (stdin one command a line, or `--script "cmd; wait 500; cmd"`), each command acknowledged on stdout.
import { createInterface } from 'node:readline';
import { setTimeout } from 'node:timers';

/** `--name value` options of the command line; prints the usage and exits without `--port` (or with --help). */
export function simOptions(usage) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
  };
  if (args.includes('--help') || args.includes('-h') || !opt('port')) {
    console.log(usage);
    process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
  }
  return opt;
}

/**
 * Runs commands from `--script` and stdin through `run(line)`, which throws on a bad command: "ok <command>" or
 * "error <message>" is printed for each. `wait <ms>` in a script pauses it. Exits on SIGTERM / SIGINT.
 */
export function startCommandLoop(run, script) {
  const runSafe = (line) => {
    if (!line.trim()) return;
    try {
      run(line);
      console.log(`ok ${line.trim()}`);
    } catch (err) {
      console.log(`error ${err.message}`);
    }
  };
  if (script)
    void (async () => {
      for (const part of script.split(';').map((s) => s.trim()).filter(Boolean)) {
        const [cmd, ms] = part.split(/\s+/);
        if (cmd === 'wait') {
          await new Promise((r) => setTimeout(r, Number(ms) || 0));
          console.log(`ok ${part}`);
        } else runSafe(part);
      }
    })();
  createInterface({ input: process.stdin }).on('line', runSafe);
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGINT', () => process.exit(0));
}
