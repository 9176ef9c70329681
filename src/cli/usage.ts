/** The help text of `lab` (`npm run lab -- --help`). Keep it in step with docs/cli.md. */
export const USAGE = `TopoLab headless runner: runs a lab on virtual time and prints what happened.

Usage:
  npm run lab -- run <file.json> [options]
  npm run lab -- analyze <file.json|share-URL> [--json]
  npx tsx src/cli/main.ts run <file.json> [options]

analyze: fail every switch, router, link and LAG alone (each in its own run of the lab), list
  the single points of failure (what is lost, for good or a while, and why) or "No single point
  of failure", and the N-1 capacity table; when the lab has a scenario, also run it and print
  the failover report (per fault, each host's measured outage against the standard's
  prediction); --json prints the report as one JSON object.
  Exit codes: 1 a single point of failure exists, 0 none, 2 usage or input error.

Faults (repeatable; added to the lab's own scenario):
  --fail ID@TIME       take a device, a link or a port (device:port) down
  --restore ID@TIME    bring it back
  --mute ID@TIME       freeze a device's control plane: links stay up, no LACPDUs
  --unmute ID@TIME     let it speak again
                       ID is split at the last "@", so sw1:eth1@2s works.

Run and output:
  --until TIME         stop at this virtual time (default: 60 s after the last fault,
                       or 60 s when there is none)
  --json               print the event stream, one JSON object per line, and nothing else
  --no-pdus            leave lacpdu, bpdu and vrrpAdvert events out (faster on big labs; pcap files still get them)
  --pcap LINK=FILE     write every frame LINK carried to FILE (classic pcap; repeatable)
  -h, --help           show this text

TIME: 500ms, 10s, 1.5s, 2m, 1h; a bare number means seconds (10 = 10s).

Exit codes (run): 0 done, 2 usage or input error (bad flag, time, file or id), 1 internal error.

Examples:
  npm run lab -- run examples/on-vs-active.json
  npm run lab -- run examples/active-active.json --fail l1@10s --restore l1@20s --until 40s
  npm run lab -- run examples/active-active.json --until 5s --json --pcap l1=l1.pcap
  npm run lab -- analyze examples/looks-redundant.json
`;
