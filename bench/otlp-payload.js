// Writes OTLP/HTTP protobuf trace export bodies for bench/otlp-ingest.sh: one file per service, each with
// SPANS spans carrying realistic ids, times and attributes. Usage: node otlp-payload.js DIR SERVICES SPANS
"use strict";
const fs = require("fs");
const crypto = require("crypto");
const [dir, services = "5", spans = "100"] = process.argv.slice(2);

const varint = n => { const out = []; let v = BigInt(n); do { let b = Number(v & 0x7fn); v >>= 7n; if (v) b |= 0x80; out.push(b); } while (v); return Buffer.from(out); };
const tag = (field, wire) => varint((field << 3) | wire);
const bytes = (field, buf) => Buffer.concat([tag(field, 2), varint(buf.length), buf]);
const str = (field, s) => bytes(field, Buffer.from(s, "utf8"));
const fixed64 = (field, n) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return Buffer.concat([tag(field, 1), b]); };
const uint = (field, n) => Buffer.concat([tag(field, 0), varint(n)]);
const keyValue = (k, v) => Buffer.concat([str(1, k), bytes(2, str(1, v))]);

for (let s = 0; s < Number(services); s++) {
  const now = BigInt(Date.now()) * 1_000_000n;
  const spanList = [];
  for (let i = 0; i < Number(spans); i++) {
    spanList.push(bytes(2, Buffer.concat([
      bytes(1, crypto.randomBytes(16)), bytes(2, crypto.randomBytes(8)), str(5, `GET /users/{id}`), uint(6, 2),
      fixed64(7, now + BigInt(i) * 1000n), fixed64(8, now + BigInt(i) * 1000n + 850_000n),
      bytes(9, keyValue("http.request.method", "GET")), bytes(9, keyValue("url.path", `/users/${i}`)),
      bytes(9, keyValue("http.route", "/users/{id}")),
    ])));
  }
  const resource = bytes(1, bytes(1, keyValue("service.name", `bench-${s}`)));
  const scopeSpans = bytes(2, Buffer.concat([bytes(1, str(1, "Microsoft.AspNetCore")), ...spanList]));
  fs.writeFileSync(`${dir}/traces-${s}.pb`, bytes(1, Buffer.concat([resource, scopeSpans])));
}
