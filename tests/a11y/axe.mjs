// Check one page in headless Chromium: axe-core's violations, and what a keyboard user meets.
// Usage: node axe.mjs CHROMIUM URL  ->  one JSON object on stdout.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [executablePath, url] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const result = {};
  for (const [name, width] of [['desk', 1200], ['phone', 390]]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(url);
    await page.addScriptTag({ content: axeSource });
    const axe = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
    result[name] = axe.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
      first: v.nodes[0] && v.nodes[0].html.slice(0, 300),
    }));
    if (name === 'desk') {
      result.facts = await page.evaluate(() => ({
        main: document.querySelectorAll('main').length,
        tables: document.querySelectorAll('table').length,
        tablesWithoutHeader: [...document.querySelectorAll('table')]
          .filter(t => !t.querySelector('th[scope]')).map(t => t.id || t.className),
        headersWithoutScope: document.querySelectorAll('th:not([scope])').length,
        charts: [...document.querySelectorAll('figure svg')].map(svg => ({
          role: svg.getAttribute('role'),
          name: (document.getElementById(svg.getAttribute('aria-labelledby') || '') || {}).textContent || '',
          textLabels: svg.querySelectorAll('text').length,
          caption: (svg.closest('figure').querySelector('figcaption') || {}).textContent || '',
        })),
        sortButtons: document.querySelectorAll('#submissions th[aria-sort] > button').length,
        sortHeaders: document.querySelectorAll('#submissions thead th').length,
      }));
      // Keyboard: focus the score header's button, press Enter, then Space.
      const button = page.locator('#submissions th[data-key="score"] button');
      await button.focus();
      const order = () => page.$$eval('#submissions tbody tr', rows => rows.map(r => parseFloat(r.dataset.score)));
      const sort = () => page.$eval('#submissions th[data-key="score"]', th => th.getAttribute('aria-sort'));
      result.keyboard = { focused: await page.evaluate(() => document.activeElement.textContent) };
      await page.keyboard.press('Enter');
      result.keyboard.afterEnter = { sort: await sort(), order: await order() };
      await page.keyboard.press('Space');
      result.keyboard.afterSpace = { sort: await sort(), order: await order() };
      result.keyboard.idSort = await page.$eval('#submissions th[data-key="id"]', th => th.getAttribute('aria-sort'));
    }
    await page.close();
  }
  process.stdout.write(JSON.stringify(result));
} finally {
  await browser.close();
}
