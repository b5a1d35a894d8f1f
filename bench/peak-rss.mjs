// Preloaded with `node --import` where /usr/bin/time is missing: writes the
// process's peak resident set size (kilobytes) to the file named by
// BENCH_PEAK_RSS_FILE when it exits. Plain JavaScript so it loads before tsx.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_PEAK_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
