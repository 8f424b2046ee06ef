import { parseArgs } from 'node:util';
import { formatTable, scanFile } from './scan';

const USAGE = `Usage: counterfeit-guard scan [--url URL] [--json] FILE...

  Reads saved marketplace pages with the extension's own site rules.
  --url URL   the address the page was saved from (else its canonical link, og:url, or the site it mentions)
  --json      one JSON object per file, one per line`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command !== 'scan') {
    console.error(command ? `Unknown command: ${command}\n\n${USAGE}` : USAGE);
    return 2;
  }
  let parsed: ReturnType<typeof parseScanArgs>;
  try {
    parsed = parseScanArgs(rest);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    console.error(`Name at least one saved page.\n\n${USAGE}`);
    return 2;
  }
  let failures = 0;
  for (const file of positionals) {
    try {
      const result = scanFile(file, values.url);
      console.log(values.json ? JSON.stringify(result) : formatTable(result));
    } catch (error) {
      failures++;
      const reason = error instanceof Error ? error.message : String(error);
      if (values.json) console.log(JSON.stringify({ file, error: reason }));
      else console.error(`${file}: could not be read: ${reason}`);
    }
  }
  return failures > 0 ? 1 : 0;
}

function parseScanArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { url: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
}

process.exitCode = main(process.argv.slice(2));
