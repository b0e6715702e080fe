import { parseScaleArgs } from './scale-args';

describe('bench:scale arguments', () => {
  it('defaults to the issue sizes: 100,000 projects, 10,000 live', () => {
    expect(parseScaleArgs([])).toEqual({ projects: 100_000, live: 10_000, fresh: false });
  });

  it('reads --projects, --live (space or =, underscores allowed) and --fresh', () => {
    expect(parseScaleArgs(['--projects', '2000', '--live=300', '--fresh'])).toEqual({ projects: 2000, live: 300, fresh: true });
    expect(parseScaleArgs(['--projects=100_000'])).toEqual({ projects: 100_000, live: 10_000, fresh: false });
  });

  it.each([
    [['--projects'], /--projects needs a whole number/],
    [['--projects', 'many'], /--projects needs a whole number/],
    [['--live', '0'], /--live needs a whole number/],
    [['--live', '1.5'], /--live needs a whole number/],
    [['--live', '-3'], /--live needs a whole number/],
    [['--projects', '99999999999'], /out of range/],
    [['--projects', '100', '--live', '200'], /exceeds --projects/],
    [['--live'], /needs a whole number/],
    [['--fresh=yes'], /unknown argument/],
    [['--proj', '5'], /unknown argument/],
  ])('refuses %j with the usage line', (argv, problem) => {
    expect(() => parseScaleArgs(argv)).toThrow(problem);
    expect(() => parseScaleArgs(argv)).toThrow(/usage: npm run bench:scale/);
  });
});
