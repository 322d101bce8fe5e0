import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as bankAccount from "../../app/domain/deconfliction/identifiers/bank-account";
import * as crypto from "../../app/domain/deconfliction/identifiers/crypto-wallet";
import * as iban from "../../app/domain/deconfliction/identifiers/iban";
import { sha256 } from "../../app/domain/deconfliction/identifiers/sha256";

describe("iban", () => {
  it.each([
    ["RS35 2600 0560 1001 6113 79", "RS35260005601001611379", "RS35 2600 0560 1001 6113 79"],
    ["rs35260005601001611379", "RS35260005601001611379", "RS35 2600 0560 1001 6113 79"],
    ["IBAN: AT61 1904 3002 3457 3201", "AT611904300234573201", "AT61 1904 3002 3457 3201"],
    ["DE89-3704-0044-0532-0130-00", "DE89370400440532013000", "DE89 3704 0044 0532 0130 00"],
    ["GR16 0110 1250 0000 0001 2300 695", "GR1601101250000000012300695", "GR16 0110 1250 0000 0001 2300 695"],
    ["HU42 1177 3016 1111 1018 0000 0000", "HU42117730161111101800000000", "HU42 1177 3016 1111 1018 0000 0000"],
    ["AL47 2121 1009 0000 0002 3569 8741", "AL47212110090000000235698741", "AL47 2121 1009 0000 0002 3569 8741"],
    ["MK07 2501 2000 0058 984", "MK07250120000058984", "MK07 2501 2000 0058 984"],
    ["XK05 1212 0123 4567 8906", "XK051212012345678906", "XK05 1212 0123 4567 8906"],
  ])("%s → %s", (value, key, display) => {
    expect(iban.normalise({ iban: value })).toMatchObject({ ok: true, value: key, display });
  });

  it.each([
    ["RS35260005601001611378", "iban_checksum"],
    ["AT611904300234573202", "iban_checksum"],
    ["RS3526000560100161137", "iban_length"],
    ["QQ35260005601001611379", "iban_country_unknown"],
    ["2600056010016113", "iban_format"],
    ["RS35 2600 0560 1001 6113 7X", "iban_format"],
  ])("%s is rejected with %s", (value, code) => {
    expect(iban.normalise({ iban: value })).toEqual({ ok: false, code });
  });

  it("offers the domestic account key, equal to the bank_account key", () => {
    const fromIban = iban.normalise({ iban: "RS35 2600 0560 1001 6113 79" });
    const domestic = bankAccount.normalise({ country: "RS", bankCode: "260", accountNumber: "260-0056010016113-79".slice(4) });
    expect(fromIban.ok && domestic.ok).toBe(true);
    if (fromIban.ok && domestic.ok) expect(fromIban.alternateKeys).toContain(domestic.value);
  });
});

describe("bank account", () => {
  const parse = (raw: unknown) => bankAccount.bankAccountInput.parse(raw);
  it.each([
    [{ country: "RS", bankCode: "260", accountNumber: "0056010016113-79" }, "RS:260:5601001611379"],
    [{ country: "rs", bankCode: "260", accountNumber: "56010016113-79" }, "RS:260:5601001611379"], // short form
    [{ country: "DE", bankCode: "370 400 44", accountNumber: "0532 0130 00" }, "DE:37040044:532013000"],
    [{ country: "GB", bankCode: "60-16-13", accountNumber: "31926819" }, "GB:601613:31926819"],
    [{ country: "MK", bankCode: "250", accountNumber: "0120000058984" }, "MK:250:120000058984"],
  ])("%j → %s", (raw, key) => {
    expect(bankAccount.normalise(parse(raw))).toMatchObject({ ok: true, value: key });
  });

  it.each([
    [{ country: "RS", bankCode: "260", accountNumber: "000-000" }, "account_number_invalid"],
    [{ country: "RS", bankCode: "260", accountNumber: "ABC" }, "account_number_invalid"],
    [{ country: "RS", bankCode: "26#0", accountNumber: "123" }, "bank_code_invalid"],
  ])("%j is rejected with %s", (raw, code) => {
    expect(bankAccount.normalise(parse(raw))).toEqual({ ok: false, code });
  });

  it.each([
    [{ country: "XX", bankCode: "1", accountNumber: "1" }, "deconfliction:errors.country_invalid"],
    [{ country: "RS", accountNumber: "1" }, "deconfliction:errors.required"],
    [{ country: "RS", bankCode: "1", accountNumber: "" }, "deconfliction:errors.required"],
  ])("schema rejects %j", (raw, message) => {
    const r = bankAccount.bankAccountInput.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(message);
  });
});

// Base58Check addresses built here with node:crypto, independently of the module's own SHA-256.
const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
function base58Check(version: number, body: Buffer): string {
  const payload = Buffer.concat([Buffer.from([version]), body]);
  const check = createHash("sha256").update(createHash("sha256").update(payload).digest()).digest().subarray(0, 4);
  const bytes = Buffer.concat([payload, check]);
  let n = BigInt(`0x${bytes.toString("hex")}`);
  let out = "";
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

describe("sha256", () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 200])("agrees with node:crypto on %i random bytes", (length) => {
    const data = randomBytes(length);
    expect(Buffer.from(sha256(data)).toString("hex")).toBe(createHash("sha256").update(data).digest("hex"));
  });
});

describe("crypto wallet", () => {
  const ltcLegacy = base58Check(0x30, Buffer.alloc(20, 7));
  const ltcP2sh = base58Check(0x32, Buffer.alloc(20, 9));
  const btcFromBytes = base58Check(0x00, Buffer.alloc(20, 3));
  const tron = base58Check(0x41, Buffer.alloc(20, 5));

  it.each([
    ["btc", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"],
    ["btc", " 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy ", "btc:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"],
    ["btc", `bitcoin:${btcFromBytes}?amount=0.1`, `btc:${btcFromBytes}`],
    ["btc", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"],
    ["btc", "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", "btc:bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"],
    ["eth", "0x52908400098527886E0F7030069857D2E4169EE7", "eth:0x52908400098527886e0f7030069857d2e4169ee7"],
    ["eth", "52908400098527886e0f7030069857d2e4169ee7", "eth:0x52908400098527886e0f7030069857d2e4169ee7"],
    ["usdt-trc20", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "usdt-trc20:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"],
    ["usdt-trc20", tron, `usdt-trc20:${tron}`],
    ["ltc", ltcLegacy, `ltc:${ltcLegacy}`],
    ["ltc", ltcP2sh, `ltc:${ltcP2sh}`],
    ["xmr", `4${"A".repeat(94)}`, `xmr:4${"A".repeat(94)}`],
    ["other", "addr_1qxyz0123456789", "other:addr_1qxyz0123456789"],
  ] as const)("%s %s → %s", (chain, address, key) => {
    expect(crypto.normalise({ chain, address })).toMatchObject({ ok: true, value: key });
  });

  it.each([
    ["btc", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "crypto_address_checksum"],
    ["btc", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "crypto_address_checksum"],
    ["btc", "bc1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "crypto_address_checksum"], // mixed case
    ["btc", "1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf0a", "crypto_address_invalid"], // 0 is not Base58
    ["btc", base58Check(0x30, Buffer.alloc(20, 7)), "crypto_address_wrong_chain"], // a Litecoin address
    ["ltc", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "crypto_address_wrong_chain"],
    ["eth", "0x52908400098527886E0F7030069857D2E4169EE", "crypto_address_invalid"],
    ["eth", "0xZZ908400098527886E0F7030069857D2E4169EE7", "crypto_address_invalid"],
    ["usdt-trc20", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", "crypto_address_checksum"],
    ["xmr", `4${"A".repeat(50)}`, "crypto_address_invalid"],
    ["other", "short", "crypto_address_invalid"],
    ["other", "with space inside", "crypto_address_invalid"],
  ] as const)("%s %s is rejected with %s", (chain, address, code) => {
    expect(crypto.normalise({ chain, address })).toEqual({ ok: false, code });
  });

  it("schema rejects an unknown chain", () => {
    const r = crypto.cryptoWalletInput.safeParse({ chain: "doge", address: "x" });
    expect(r.error?.issues[0]?.message).toBe("deconfliction:errors.crypto_chain_invalid");
  });
});
