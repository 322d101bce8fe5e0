/**
 * Crypto wallet: chain + address. Key "<chain>:<address>".
 *
 * - btc, ltc: legacy Base58Check addresses (P2PKH/P2SH, mainnet version bytes
 *   checked with the SHA-256 checksum) are case-sensitive and kept as they
 *   are; SegWit/Taproot bech32/bech32m addresses ("bc1…", "ltc1…") are
 *   case-insensitive, checksum-verified and lower-cased.
 * - eth: "0x" + 40 hex digits, lower-cased. The EIP-55 mixed-case checksum is
 *   not verified (it needs Keccak-256; a mistyped hex digit is not caught).
 *   "0x" is added when missing.
 * - usdt-trc20: a TRON address, Base58Check with version byte 0x41 ("T…").
 * - xmr: Monero standard (95) or integrated (106) address in Monero's block
 *   Base58, starting with 4 or 8; format check only (its checksum is Keccak).
 * - other: any address of 8–128 visible characters, kept as typed.
 */
import { z } from "zod";
import { textField } from "./fields";
import { errorKey, fail, ok, type NormaliseContext, type NormaliseResult } from "./result";
import { sha256 } from "./sha256";

export const CRYPTO_CHAINS = ["btc", "eth", "usdt-trc20", "xmr", "ltc", "other"] as const;
export type CryptoChain = (typeof CRYPTO_CHAINS)[number];

export const cryptoWalletInput = z.object({
  chain: z.enum(CRYPTO_CHAINS, { errorMap: () => ({ message: errorKey("crypto_chain_invalid") }) }),
  address: textField(200),
});
export type CryptoWalletInput = z.infer<typeof cryptoWalletInput>;

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

function base58Decode(text: string): Uint8Array | undefined {
  const bytes: number[] = []; // little-endian while accumulating
  for (const ch of text) {
    const v = BASE58.indexOf(ch);
    if (v < 0) return undefined;
    let carry = v;
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  // each leading "1" stands for a leading zero byte
  for (const ch of text) {
    if (ch !== "1") break;
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}

/** Payload of a Base58Check string whose 4-byte checksum is correct. */
export function base58CheckDecode(text: string): Uint8Array | undefined {
  const bytes = base58Decode(text);
  if (!bytes || bytes.length < 5) return undefined;
  const payload = bytes.slice(0, -4);
  const check = sha256(sha256(payload));
  for (let i = 0; i < 4; i++) if (check[i] !== bytes[bytes.length - 4 + i]) return undefined;
  return payload;
}

const BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;

function bech32Polymod(values: number[]): number {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= gen[i]!;
  }
  return chk >>> 0;
}

/** True for a valid SegWit address of the given human-readable part (bech32 for v0, bech32m for v1+). */
export function isSegwitAddress(address: string, hrp: string): boolean {
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) return false;
  const a = address.toLowerCase();
  const sep = a.lastIndexOf("1");
  if (a.slice(0, sep) !== hrp || a.length > 90 || sep + 7 > a.length) return false;
  const data: number[] = [];
  for (const ch of a.slice(sep + 1)) {
    const v = BECH32_CHARSET.indexOf(ch);
    if (v < 0) return false;
    data.push(v);
  }
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  const polymod = bech32Polymod([...expanded, ...data]);
  const version = data[0]!;
  if (version > 16) return false;
  if (polymod !== (version === 0 ? BECH32_CONST : BECH32M_CONST)) return false;
  // witness program: 2..40 bytes, 20 or 32 for v0
  const programBits = (data.length - 7) * 5;
  const programBytes = Math.floor(programBits / 8);
  if (programBytes < 2 || programBytes > 40) return false;
  if (version === 0 && programBytes !== 20 && programBytes !== 32) return false;
  return true;
}

function legacyVersion(address: string): number | undefined {
  const payload = base58CheckDecode(address);
  if (!payload || payload.length !== 21) return undefined;
  return payload[0];
}

export function normalise(input: CryptoWalletInput, _ctx: NormaliseContext = {}): NormaliseResult {
  const raw = input.address.trim().replace(/^(bitcoin|litecoin|ethereum|monero|tron):/i, "").replace(/\?.*$/, "");
  const chain = input.chain;
  if (/\s/.test(raw)) return fail("crypto_address_invalid");
  switch (chain) {
    case "btc":
    case "ltc": {
      const hrp = chain === "btc" ? "bc" : "ltc";
      if (raw.toLowerCase().startsWith(`${hrp}1`)) {
        if (!isSegwitAddress(raw, hrp)) return fail("crypto_address_checksum");
        const a = raw.toLowerCase();
        return ok(`${chain}:${a}`, a);
      }
      const versions = chain === "btc" ? [0x00, 0x05] : [0x30, 0x32, 0x05];
      if (!/^[1-9A-HJ-NP-Za-km-z]{25,35}$/.test(raw)) return fail("crypto_address_invalid");
      const v = legacyVersion(raw);
      if (v === undefined) return fail("crypto_address_checksum");
      if (!versions.includes(v)) return fail("crypto_address_wrong_chain");
      return ok(`${chain}:${raw}`, raw);
    }
    case "eth": {
      const hex = raw.replace(/^0x/i, "");
      if (!/^[0-9a-fA-F]{40}$/.test(hex)) return fail("crypto_address_invalid");
      const a = `0x${hex.toLowerCase()}`;
      return ok(`eth:${a}`, a);
    }
    case "usdt-trc20": {
      if (!/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(raw)) return fail("crypto_address_invalid");
      const payload = base58CheckDecode(raw);
      if (!payload) return fail("crypto_address_checksum");
      if (payload.length !== 21 || payload[0] !== 0x41) return fail("crypto_address_wrong_chain");
      return ok(`usdt-trc20:${raw}`, raw);
    }
    case "xmr": {
      if (!/^[48][1-9A-HJ-NP-Za-km-z]{94}$/.test(raw) && !/^4[1-9A-HJ-NP-Za-km-z]{105}$/.test(raw)) {
        return fail("crypto_address_invalid");
      }
      return ok(`xmr:${raw}`, raw);
    }
    case "other": {
      if (!/^[\x21-\x7e]{8,128}$/.test(raw)) return fail("crypto_address_invalid");
      return ok(`other:${raw}`, raw);
    }
  }
}
