import { ConfigError } from '../lib/env';
import { CliError, type Command } from './cli/command';

/** `npx trailbench <command>`: the lake from a terminal. A command's module (and the lake) loads only when it runs. */
const COMMANDS: { name: string; summary: string; load: () => Promise<Command> }[] = [
  {
    name: 'import',
    summary: 'import CloudTrail log files (a directory or s3://bucket/prefix) into an event data store',
    load: async () => (await import('./cli/import')).importCommand,
  },
  {
    name: 'stores',
    summary: 'list the event data stores with their status, retention, events and size',
    load: async () => (await import('./cli/stores')).storesCommand,
  },
  {
    name: 'compact',
    summary: "merge each day's small files into one sorted file now (background compaction, on demand)",
    load: async () => (await import('./cli/compact')).compactCommand,
  },
  { name: 'verify', summary: 'check every stored file against the manifests (SHA-256)', load: async () => (await import('./cli/verify')).verifyCommand },
  {
    name: 'demo-data',
    summary: 'write realistic CloudTrail log files in the trail archive layout',
    load: async () => (await import('./cli/demo-data')).demoDataCommand,
  },
];

const USAGE = `Usage: trailbench <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Every command takes --data-dir DIR (default: TRAILBENCH_DATA_DIR, else ./data) and --help.
import, stores and compact go through the running Trailbench server when one has the data directory open
(or the one --endpoint names), signed with the lake's key pair; otherwise they open the lake here.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command '${name}'.\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (e) {
    if (CliError.is(e) || e instanceof ConfigError) {
      console.error(`trailbench ${name}: ${e.message}`);
      return CliError.is(e) ? e.exitCode : 2;
    }
    const err = e as Error & { $metadata?: unknown };
    // A CloudTrail exception from the lake (not found, invalid parameter, ...): its name says what.
    if (err.$metadata) console.error(`trailbench ${name}: ${err.name}: ${err.message}`);
    else console.error(`trailbench ${name}: unexpected error:`, e);
    return 1;
  }
}

// Exit explicitly: an open lake keeps timers and engine handles alive.
void main(process.argv.slice(2)).then((code) => process.exit(code));
