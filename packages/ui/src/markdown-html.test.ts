import { describe, expect, it } from 'vitest';
import { allowedUrl, lessonPages, markdownToHtml } from './markdown-html.ts';

/** Every tag the safe rendering may produce, and the attributes it may carry. */
const tags = new Set(
  'p h1 h2 h3 h4 h5 h6 ul ol li strong em del code pre blockquote hr br a img table thead tbody tr th td'.split(' '),
);
const attributes = new Set(['href', 'src', 'alt', 'title', 'start', 'align']);

function expectOnlySafeMarkup(html: string) {
  for (const [, name, attrs] of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    expect(tags, `tag <${name}> in ${html}`).toContain(name!.toLowerCase());
    for (const [, attr, value] of attrs!.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      expect(attributes, `attribute ${attr} in ${html}`).toContain(attr!.toLowerCase());
      if (attr === 'href' || attr === 'src') expect(value).toMatch(allowedUrl);
    }
  }
}

describe('markdownToHtml', () => {
  it('renders the Markdown lessons use', () => {
    expect(markdownToHtml('## Tiêu đề\n\n**Đậm** và *nghiêng*, [gọi 113](tel:113).\n\n- một\n- hai')).toBe(
      '<h2>Tiêu đề</h2>\n<p><strong>Đậm</strong> và <em>nghiêng</em>, <a href="tel:113">gọi 113</a>.</p>\n<ul>\n<li>một</li>\n<li>hai</li>\n</ul>\n',
    );
  });

  it('leaves typed HTML out and drops links and images to other kinds of address', () => {
    const hostile = [
      '<script>alert(1)</script>',
      'x <img src=x onerror=alert(1)> y',
      '<a href="https://a.vn" onclick="alert(1)">z</a>',
      '<iframe src="https://a.vn"></iframe><style>body{}</style>',
      '[x](javascript:alert(1)) [y](  JavaScript:alert(1)) [z](java&#x73;cript:alert(1)) [d](data:text/html,hi)',
      '![a"b onerror=alert(1)](javascript:alert(1)) ![ok](/img/a.png "t\\" onload=\\"x")',
      '[r][1]\n\n[1]: javascript:alert(2)',
      '- [ ] task\n- [x] done',
      '```\n<b>code</b>\n```',
      '<form><input name=a><button>b</button></form>',
    ];
    for (const source of hostile) {
      const html = markdownToHtml(source);
      expectOnlySafeMarkup(html);
      expect(html).not.toMatch(/<(script|iframe|style|form|input|button)\b/i);
    }
    expect(markdownToHtml('a <b>x</b> c')).toBe('<p>a x c</p>\n');
    expect(markdownToHtml('<script>alert(1)</script>\n\nsau')).toBe('<p>sau</p>\n');
    expect(markdownToHtml('[đi](javascript:alert(1))')).toBe('<p>đi</p>\n');
    expect(markdownToHtml('![ok](/img/a.png)')).toContain('<img src="/img/a.png" alt="ok">');
    expect(markdownToHtml('[rel](media/a.pdf) [q](?x=1)')).toBe(
      '<p><a href="media/a.pdf">rel</a> <a href="?x=1">q</a></p>\n',
    );
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:x', 'vbscript:x', 'data:text/html,x', 'java\tscript:x'])
      expect(allowedUrl.test(url), url).toBe(false);
  });
});

describe('lessonPages', () => {
  it('gives one HTML page per ## section', () => {
    const pages = lessonPages('## Một\n\nchữ <i>nghiêng</i> & 1 < 2\n\n## Hai\n\nhết');
    expect(pages).toEqual(['<h2>Một</h2>\n<p>chữ nghiêng &amp; 1 &lt; 2</p>\n', '<h2>Hai</h2>\n<p>hết</p>\n']);
  });
});
