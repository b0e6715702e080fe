/** `npm run bench:scale -- --projects N --live M [--fresh]`: what the issue sizes (100,000 / 10,000) by default. */
export interface ScaleArgs {
  projects: number;
  live: number;
  fresh: boolean;
}

export const DEFAULT_SCALE_ARGS: ScaleArgs = { projects: 100_000, live: 10_000, fresh: false };

const USAGE = 'usage: npm run bench:scale -- [--projects N] [--live M] [--fresh]   (N ≥ M ≥ 1, whole numbers; defaults 100000 / 10000)';

/** Strict: an unknown flag, a missing or non-integer value, or live > projects is refused with the usage line. */
export function parseScaleArgs(argv: readonly string[]): ScaleArgs {
  const args = { ...DEFAULT_SCALE_ARGS };
  const fail = (problem: string): never => {
    throw new Error(`${problem}\n${USAGE}`);
  };
  const count = (flag: string, value: string | undefined): number => {
    if (value === undefined || !/^[1-9]\d*$/.test(value.replace(/_/g, ''))) fail(`${flag} needs a whole number ≥ 1, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
    const n = Number(value!.replace(/_/g, ''));
    if (!Number.isSafeInteger(n) || n > 10_000_000) fail(`${flag} ${value} is out of range (at most 10,000,000)`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--projects') args.projects = count(flag, value());
    else if (flag === '--live') args.live = count(flag, value());
    else if (flag === '--fresh' && inline === undefined) args.fresh = true;
    else fail(`unknown argument ${JSON.stringify(argv[i])}`);
  }
  if (args.live > args.projects) fail(`--live ${args.live} exceeds --projects ${args.projects} (the live projects are part of the portfolio)`);
  return args;
}
