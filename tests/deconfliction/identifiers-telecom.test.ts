import { describe, expect, it } from "vitest";
import * as email from "../../app/domain/deconfliction/identifiers/email";
import * as imei from "../../app/domain/deconfliction/identifiers/imei";
import * as imsi from "../../app/domain/deconfliction/identifiers/imsi";
import * as ip from "../../app/domain/deconfliction/identifiers/ip-address";
import * as phone from "../../app/domain/deconfliction/identifiers/phone";

describe("phone", () => {
  it.each([
    ["+381 64 123 4567", undefined, "+381641234567"],
    ["0641234567", "RS", "+381641234567"],
    ["00381641234567", undefined, "+381641234567"],
    ["00381641234567", "AT", "+381641234567"],
    ["064/123-45-67", "RS", "+381641234567"],
    ["(064) 123 45 67", "rs", "+381641234567"],
    ["tel:+381641234567", undefined, "+381641234567"],
    ["+43 (0)664 1234567", undefined, "+436641234567"],
    ["0664 1234567", "AT", "+436641234567"],
    ["06 30 123 4567", "HU", "+36301234567"],
    ["070 123 456", "MK", "+38970123456"],
    ["069 123 4567", "AL", "+355691234567"],
    ["694 123 4567", "GR", "+306941234567"],
    ["+30 210 123 4567", undefined, "+302101234567"],
  ])("%s (%s) → %s", (number, country, expected) => {
    const r = phone.normalise({ number }, { defaultCountry: country });
    expect(r).toMatchObject({ ok: true, value: expected });
  });

  it.each([
    ["0641234567", undefined, "phone_country_required"],
    ["064 123", "RS", "phone_invalid"],
    ["+381 99 1234567", undefined, "phone_invalid"],
    ["+999 123 456 789", undefined, "phone_invalid"],
    ["064 CALL ME", "RS", "phone_invalid_characters"],
    ["+38164123456789012", undefined, "phone_invalid"],
  ])("%s (%s) is rejected with %s", (number, country, code) => {
    expect(phone.normalise({ number }, { defaultCountry: country })).toEqual({ ok: false, code });
  });

  it("displays the international format", () => {
    const r = phone.normalise({ number: "0641234567" }, { defaultCountry: "RS" });
    expect(r.ok && r.display).toBe("+381 64 1234567");
  });

  it.each([[{}], [{ number: "" }], [{ number: "   " }], [{ number: 641234567 }]])("schema rejects %j", (raw) => {
    const r = phone.phoneInput.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/^deconfliction:errors\./);
  });
});

describe("imei", () => {
  it.each([
    ["490154203237518", "49015420323751", "490154203237518", undefined],
    ["49-015420-323751-8", "49015420323751", "490154203237518", undefined],
    ["49015420323751", "49015420323751", "490154203237518", undefined], // 14 digits: check digit computed
    ["4901542032375101", "49015420323751", "490154203237518", ["imei_from_imeisv"]], // IMEISV → same handset
    ["4901542032375199", "49015420323751", "490154203237518", ["imei_from_imeisv"]],
    ["490154203237510", "49015420323751", "490154203237518", ["imei_check_digit_zero"]], // network "spare digit"
    ["356938035643809", "35693803564380", "356938035643809", undefined],
  ])("%s → %s", (value, key, display, flags) => {
    const r = imei.normalise({ imei: value });
    expect(r).toEqual({ ok: true, value: key, display, ...(flags ? { flags } : {}) });
  });

  it.each([
    ["490154203237519", "imei_check_digit"],
    ["4901542032375", "imei_length"],
    ["49015420323751801", "imei_length"],
    ["49015420323751A", "imei_not_digits"],
    ["000000000000000", "imei_placeholder"],
    ["11111111111111", "imei_placeholder"],
    ["00000000123456", "imei_placeholder"],
  ])("%s is rejected with %s", (value, code) => {
    expect(imei.normalise({ imei: value })).toEqual({ ok: false, code });
  });
});

describe("imsi", () => {
  it.each([
    ["220011234567890", "220011234567890", "220011234567890 (RS)"],
    ["232 01 123456789", "23201123456789", "23201123456789 (AT)"],
    ["294-01-1234567890", "294011234567890", "294011234567890 (MK)"],
    ["276021234567890", "276021234567890", "276021234567890 (AL)"],
    ["202051234567890", "202051234567890", "202051234567890 (GR)"],
    ["901281234567890", "901281234567890", "901281234567890"],
  ])("%s → %s", (value, key, display) => {
    expect(imsi.normalise({ imsi: value })).toEqual({ ok: true, value: key, display });
  });

  it.each([
    ["999011234567890", "imsi_mcc_unknown"],
    ["100011234567890", "imsi_mcc_unknown"],
    ["2200112345678", "imsi_length"],
    ["2200112345678901", "imsi_length"],
    ["22001123456789X", "imsi_not_digits"],
    ["220000000000000", "imsi_placeholder"],
  ])("%s is rejected with %s", (value, code) => {
    expect(imsi.normalise({ imsi: value })).toEqual({ ok: false, code });
  });
});

describe("email", () => {
  it.each([
    [" Marko.Petrovic@Gmail.com ", "marko.petrovic@gmail.com"],
    ["MAILTO:info@Example.RS", "info@example.rs"],
    ["first.last+tag@gmx.at", "first.last+tag@gmx.at"],
    ["ivan@пример.срб", "ivan@xn--e1afmkfd.xn--90a3ac"],
    ["ivan@xn--e1afmkfd.xn--90a3ac", "ivan@xn--e1afmkfd.xn--90a3ac"],
    ["a_b-c@sub.domain.co.uk", "a_b-c@sub.domain.co.uk"],
  ])("%s → %s", (value, key) => {
    expect(email.normalise({ email: value })).toMatchObject({ ok: true, value: key });
  });

  it("keeps the dots of a Gmail address (providers differ)", () => {
    const a = email.normalise({ email: "marko.petrovic@gmail.com" });
    const b = email.normalise({ email: "markopetrovic@gmail.com" });
    expect(a.ok && b.ok && a.value !== b.value).toBe(true);
  });

  it.each(["a@b", "no-at-sign.example.com", "two@@example.com", "a@b@example.com", ".lead@example.com", "trail.@example.com", "dou..ble@example.com", "sp ace@example.com", "x@exa_mple.com", "x@-a.com", "x@example.c0m", "@example.com"])(
    "%s is rejected",
    (value) => {
      expect(email.normalise({ email: value })).toEqual({ ok: false, code: "email_invalid" });
    },
  );
});

describe("ip address", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7", undefined],
    ["192.168.001.010", "192.168.1.10", ["ip_not_public"]],
    ["10.0.0.1", "10.0.0.1", ["ip_not_public"]],
    ["100.64.1.1", "100.64.1.1", ["ip_not_public"]],
    ["2001:0DB8:0000:0000:0000:ff00:0042:8329", "2001:db8::ff00:42:8329", undefined],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1", undefined],
    ["2001:db8::1:0:0:1", "2001:db8::1:0:0:1", undefined],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1", undefined],
    ["::ffff:203.0.113.7", "203.0.113.7", undefined],
    ["::FFFF:cb00:7107", "203.0.113.7", undefined],
    ["[2001:db8::1]", "2001:db8::1", undefined],
    ["fe80::1%eth0", "fe80::1", ["ip_not_public"]],
    ["::1", "::1", ["ip_not_public"]],
    ["::", "::", ["ip_not_public"]],
    ["64:ff9b::192.0.2.33", "64:ff9b::c000:221", undefined],
  ])("%s → %s", (value, key, flags) => {
    expect(ip.normalise({ ip: value })).toEqual({ ok: true, value: key, display: key, ...(flags ? { flags } : {}) });
  });

  it.each(["256.1.1.1", "1.2.3", "1.2.3.4.5", "2001:db8::1::1", "2001:db8:1:2:3:4:5:6:7", "12345::1", "gggg::1", "example.com", "1:2:3:4:5:6:7"])("%s is rejected", (value) => {
    expect(ip.normalise({ ip: value })).toEqual({ ok: false, code: "ip_invalid" });
  });
});
