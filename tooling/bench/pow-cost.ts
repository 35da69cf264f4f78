/**
 * What a self-hosted proof-of-work challenge on the enquiry form would cost a phone, against what it would cost
 * the bots it is meant to slow down (the flood issue asked to consider one; docs/contact.md gives the decision).
 *
 * A hashcash-style challenge (as ALTCHA or mCaptcha do it) asks the browser to find a number whose SHA-256 with the
 * challenge has k leading zero bits: 2^k hashes on average. This measures, on this machine, in the same run:
 * - a phone: Chromium with the CPU throttled 4× (Lighthouse's mobile preset), hashing with WebCrypto
 *   (`crypto.subtle.digest`, what the widgets use) and with a plain-JavaScript SHA-256 (what a page could ship);
 * - a bot: the same plain JavaScript in Node, Node's crypto, and OpenSSL's C code (`openssl speed`), one core each:
 *   the fastest of them is what solving the same challenge costs a bot without a GPU.
 *
 *   npx tsx tooling/bench/pow-cost.ts [hashes per measurement, default 20000]
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createServer } from "node:http";

import { chromium } from "@playwright/test";

const samples = Number(process.argv[2] ?? 20_000);
const THROTTLE = 4;

/** SHA-256 in plain JavaScript, as a page would ship it (FIPS 180-4; one 64-byte block, enough for a short input). */
const pureJsSha256 = `
const K = new Uint32Array([0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2]);
const W = new Uint32Array(64);
function sha256first32(bytes) {
  W.fill(0);
  for (let i = 0; i < bytes.length; i++) W[i >> 2] |= bytes[i] << (24 - (i & 3) * 8);
  W[bytes.length >> 2] |= 0x80 << (24 - (bytes.length & 3) * 8);
  W[15] = bytes.length * 8;
  for (let i = 16; i < 64; i++) {
    const a = W[i - 15], b = W[i - 2];
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
  }
  let h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a, h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
  for (let i = 0; i < 64; i++) {
    const S1 = ((h4 >>> 6) | (h4 << 26)) ^ ((h4 >>> 11) | (h4 << 21)) ^ ((h4 >>> 25) | (h4 << 7));
    const t1 = (h7 + S1 + ((h4 & h5) ^ (~h4 & h6)) + K[i] + W[i]) | 0;
    const S0 = ((h0 >>> 2) | (h0 << 30)) ^ ((h0 >>> 13) | (h0 << 19)) ^ ((h0 >>> 22) | (h0 << 10));
    const t2 = (S0 + ((h0 & h1) ^ (h0 & h2) ^ (h1 & h2))) | 0;
    h7 = h6; h6 = h5; h5 = h4; h4 = (h3 + t1) | 0; h3 = h2; h2 = h1; h1 = h0; h0 = (t1 + t2) | 0;
  }
  return (0x6a09e667 + h0) | 0;
}`;

async function inBrowser(): Promise<{ webCrypto: number; pureJs: number }> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  // WebCrypto needs a secure context: a page served from 127.0.0.1 is one (about:blank is not).
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end("<!doctype html><title>pow</title>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
    return await page.evaluate(
      async ({ n, source }) => {
        const encoder = new TextEncoder();
        const challenge = "v2.1765000000000.abcdefghijklmnop.";
        let started = performance.now();
        for (let i = 0; i < n; i++) await crypto.subtle.digest("SHA-256", encoder.encode(challenge + i));
        const webCrypto = n / ((performance.now() - started) / 1000);
        const sha = new Function(`${source}; return sha256first32;`)() as (bytes: Uint8Array) => number;
        started = performance.now();
        let sink = 0;
        for (let i = 0; i < n; i++) sink ^= sha(encoder.encode(challenge + i));
        const pureJs = n / ((performance.now() - started) / 1000);
        return { webCrypto, pureJs: sink === 42 ? pureJs + 1e-9 : pureJs };
      },
      { n: samples, source: pureJsSha256 },
    );
  } finally {
    await browser.close();
    server.close();
  }
}

/** A bot in Node: the same plain-JS SHA-256 (unthrottled), and Node's own (one object per hash). */
function inNode(): { pureJs: number; createHash: number } {
  const challenge = "v2.1765000000000.abcdefghijklmnop.";
  const encoder = new TextEncoder();
  const n = samples * 10;
  const sha = new Function(`${pureJsSha256}; return sha256first32;`)() as (bytes: Uint8Array) => number;
  let started = performance.now();
  let sink = 0;
  for (let i = 0; i < n; i++) sink ^= sha(encoder.encode(challenge + i));
  const pureJs = n / ((performance.now() - started) / 1000);
  started = performance.now();
  for (let i = 0; i < n; i++)
    createHash("sha256")
      .update(challenge + i)
      .digest();
  return { pureJs: sink === 42 ? pureJs + 1e-9 : pureJs, createHash: n / ((performance.now() - started) / 1000) };
}

/** A bot in C: OpenSSL's SHA-256 on 64-byte inputs (`openssl speed`), one core; null without the openssl binary. */
function inC(): number | null {
  try {
    const out = execFileSync("openssl", ["speed", "-seconds", "2", "-bytes", "64", "sha256"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const kilobytes = /^sha256\s+([\d.]+)k/m.exec(out)?.[1];
    return kilobytes ? (Number(kilobytes) * 1000) / 64 : null;
  } catch {
    return null;
  }
}

const phone = await inBrowser();
const node = inNode();
const c = inC();
const bot = Math.max(node.pureJs, node.createHash, c ?? 0);
const rate = (perSecond: number) => `${Math.round(perSecond).toLocaleString("en-GB")} hashes/s`;
console.log(`SHA-256 rates on this machine (${samples.toLocaleString("en-GB")} hashes a sample):`);
console.log(`  phone (Chromium, CPU ×${THROTTLE} slower), WebCrypto digest:   ${rate(phone.webCrypto)}`);
console.log(`  phone (Chromium, CPU ×${THROTTLE} slower), plain-JS SHA-256:   ${rate(phone.pureJs)}`);
console.log(`  bot (Node, plain-JS SHA-256, one core):              ${rate(node.pureJs)}`);
console.log(`  bot (Node, crypto.createHash per hash, one core):    ${rate(node.createHash)}`);
console.log(`  bot (C, OpenSSL speed sha256 64-byte, one core):     ${c === null ? "no openssl here" : rate(c)}`);
const best = Math.max(phone.webCrypto, phone.pureJs);
console.log("\nExpected time to solve a challenge of k bits (2^k hashes on average):");
console.log("  k    hashes     phone (best of the two)   bot, one core   phone ÷ bot");
for (const bits of [14, 16, 17, 18, 20]) {
  const hashes = 2 ** bits;
  const phoneSeconds = hashes / best;
  const botSeconds = hashes / bot;
  console.log(
    `  ${String(bits).padEnd(3)}  ${hashes.toLocaleString("en-GB").padStart(9)}  ${`${phoneSeconds.toFixed(2)} s`.padStart(24)}  ${`${(botSeconds * 1000).toFixed(1)} ms`.padStart(14)}  ${(phoneSeconds / botSeconds).toFixed(0).padStart(11)}×`,
  );
}
