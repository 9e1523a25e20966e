#!/usr/bin/env node
// Checks Mermaid diagrams with the real Mermaid, as a notes app would draw them.
//
//   node check-mermaid.js MERMAID_MIN_JS FILE.mmd...
//
// For each file, prints one JSON line: {file, ok, mode, length, diagramType, error, texts}.
// `length` is what Mermaid compares with its maxTextSize (UTF-16 units); `texts` are the texts
// the diagram shows, with Mermaid's entity codes decoded, so a caller can check that a value
// appears as written. Exits 1 when any file fails.
//
// With jsdom (Debian's node-jsdom), each diagram is rendered to SVG by mermaid.render, exactly
// as in a browser (sanitizer included); a diagram over the size limit or with a syntax error
// comes back as Mermaid's error picture, which counts as a failure. Without jsdom, only
// mermaid.parse runs, and the texts come from the parsed diagram.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const [mermaidPath, ...files] = process.argv.slice(2);
if (!mermaidPath || files.length === 0) {
  console.error('usage: node check-mermaid.js MERMAID_MIN_JS FILE.mmd...');
  process.exit(2);
}

function loadJsdom() {
  // Debian installs node modules in /usr/share/nodejs, which a node from elsewhere does not
  // search; jsdom's own dependencies are found only when that folder is on the module path.
  const debian = '/usr/share/nodejs';
  if (fs.existsSync(debian)) {
    process.env.NODE_PATH = [process.env.NODE_PATH, debian].filter(Boolean).join(path.delimiter);
    require('module').Module._initPaths();
  }
  for (const name of ['jsdom']) {
    try { return require(name); } catch (error) { /* try the next place */ }
  }
  return null;
}

const jsdom = loadJsdom();
let window = null;
if (jsdom) {
  const dom = new jsdom.JSDOM('<!DOCTYPE html><html><body></body></html>', { pretendToBeVisual: true });
  window = dom.window;
  globalThis.window = window;
  for (const name of ['document', 'navigator', 'Element', 'HTMLElement', 'SVGElement', 'Node',
    'DOMParser', 'XMLSerializer', 'getComputedStyle', 'MutationObserver', 'CSSStyleSheet',
    'Text', 'DocumentFragment']) {
    if (!(name in globalThis) && window[name] !== undefined) globalThis[name] = window[name];
  }
  // jsdom does no layout: text is measured as 8 units per character, which is all Mermaid
  // needs to place things.
  window.SVGElement.prototype.getBBox = function () {
    return { x: 0, y: 0, width: 8 * (this.textContent || '').length, height: 16 };
  };
  window.SVGElement.prototype.getComputedTextLength = function () {
    return 8 * (this.textContent || '').length;
  };
} else {
  globalThis.window = globalThis;
}

// mermaid.min.js declares its module with `var` under "use strict": run it as a script in this
// context so that it can set globalThis.mermaid.
vm.runInThisContext(fs.readFileSync(mermaidPath, 'utf8'), { filename: mermaidPath });
const mermaid = globalThis.mermaid;
mermaid.initialize({ startOnLoad: false });

const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
// Mermaid's own stand-ins for entity codes while it parses: ﬂ°°N¶ß and ﬂ°NAME¶ß.
function decodeEntities(text) {
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, name) => named[name] ?? `&${name};`);
}

function svgTexts(svg) {
  // As a browser reads it: inside HTML, where Mermaid puts it (entities such as &nbsp; included).
  const document = new window.DOMParser().parseFromString(svg, 'text/html');
  return [...document.querySelectorAll('text')].map((node) => node.textContent);
}

async function check(file, index) {
  const text = fs.readFileSync(file, 'utf8');
  const result = { file: path.basename(file), ok: false, mode: jsdom ? 'render' : 'parse', length: text.length, texts: [] };
  try {
    const parsed = await mermaid.parse(text);
    result.diagramType = parsed.diagramType;
    if (jsdom) {
      const { svg } = await mermaid.render(`diagram${index}`, text);
      result.texts = svgTexts(svg);
      // Over the size limit Mermaid draws a flowchart saying so instead; on a syntax error, an
      // error picture. Either way the drawing is not the diagram that was parsed.
      const drawn = /aria-roledescription="([^"]*)"/.exec(svg)?.[1];
      if (/Maximum text size in diagram exceeded|Syntax error in text/.test(svg) || drawn !== parsed.diagramType) {
        throw new Error(`Mermaid drew ${drawn ?? 'something else'} instead of the ${parsed.diagramType} diagram`);
      }
    } else {
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
      result.texts = [
        ...[...diagram.db.getActors().values()].map((actor) => actor.description),
        ...diagram.db.getMessages().map((message) => message.message),
      ].map((shown) => decodeEntities(String(shown ?? '')));
    }
    result.ok = true;
  } catch (error) {
    result.error = String(error && error.message ? error.message : error);
  }
  return result;
}

(async () => {
  let failures = 0;
  for (const [index, file] of files.entries()) {
    const result = await check(file, index);
    if (!result.ok) failures += 1;
    process.stdout.write(JSON.stringify(result) + '\n');
  }
  process.exit(failures === 0 ? 0 : 1);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
