/**
 * IP addresses in canonical text form.
 *  - IPv4: dotted decimal without leading zeros ("192.168.001.010" is read
 *    as decimal, as logs zero-pad it, → "192.168.1.10").
 *  - IPv6: RFC 5952 — lower-case, leading zeros dropped, the longest run of
 *    two or more zero groups compressed to "::" (the first one on a tie), an
 *    embedded dotted quad accepted; a zone ("%eth0") and brackets removed.
 *  - IPv4-mapped IPv6 (::ffff:a.b.c.d) → the IPv4 address.
 * Private, loopback, link-local and shared (CGNAT) addresses are accepted
 * but flagged "ip_not_public": the same value in two cases rarely means the
 * same machine.
 */
import { z } from "zod";
import { textField } from "./fields";
import { fail, ok, type NormaliseContext, type NormaliseResult } from "./result";

export const ipAddressInput = z.object({ ip: textField(64) });
export type IpAddressInput = z.infer<typeof ipAddressInput>;

function parseIpv4(text: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

function parseIpv6(text: string): number[] | undefined {
  let s = text;
  const groups: number[] = [];
  // embedded IPv4 at the end
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  let tail: number[] = [];
  if (v4) {
    const octets = parseIpv4(v4[1]!);
    if (!octets) return undefined;
    tail = [(octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!];
    s = s.slice(0, -v4[1]!.length);
    if (s.endsWith(":") && !s.endsWith("::")) s = s.slice(0, -1);
  }
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === "") return [];
    const out: number[] = [];
    for (const g of part.split(":")) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !rest) return undefined;
  const given = head.length + rest.length + tail.length;
  if (halves.length === 2) {
    if (given > 7) return undefined;
    groups.push(...head, ...new Array<number>(8 - given).fill(0), ...rest, ...tail);
  } else {
    if (given !== 8) return undefined;
    groups.push(...head, ...tail);
  }
  return groups;
}

function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
}

function ipv4NotPublic([a, b]: number[]): boolean {
  return (
    a === 0 || a === 10 || a === 127 || (a === 100 && b! >= 64 && b! <= 127) || (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168) || a! >= 224
  );
}

function ipv6NotPublic(groups: number[]): boolean {
  const first = groups[0]!;
  const allZeroButLast = groups.slice(0, 7).every((g) => g === 0);
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00 || (allZeroButLast && groups[7]! <= 1);
}

export function normalise(input: IpAddressInput, _ctx: NormaliseContext = {}): NormaliseResult {
  const text = input.ip.trim().replace(/^\[(.*)\]$/, "$1").replace(/%[\w.\-]+$/, "");
  const v4 = parseIpv4(text);
  if (v4) {
    const value = v4.join(".");
    return ok(value, value, { flags: ipv4NotPublic(v4) ? ["ip_not_public"] : [] });
  }
  if (!text.includes(":")) return fail("ip_invalid");
  const v6 = parseIpv6(text);
  if (!v6) return fail("ip_invalid");
  if (v6.slice(0, 5).every((g) => g === 0) && v6[5] === 0xffff) {
    const octets = [v6[6]! >> 8, v6[6]! & 0xff, v6[7]! >> 8, v6[7]! & 0xff];
    const value = octets.join(".");
    return ok(value, value, { flags: ipv4NotPublic(octets) ? ["ip_not_public"] : [] });
  }
  const value = formatIpv6(v6);
  return ok(value, value, { flags: ipv6NotPublic(v6) ? ["ip_not_public"] : [] });
}
