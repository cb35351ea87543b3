// Settings are validated data: bad values fall back to defaults with a message naming them.
import assert from 'node:assert/strict';
import { readSettings } from '../../server/src/settings';
import { RULES } from '../../server/src/engine';

describe('settings', () => {
  it('reads valid settings as given', () => {
    const { settings, problems } = readSettings({ severity: { 'blank-cell': 'off', 'row-total': 'warning' }, template: '2019', detect: 'never', inlayHints: { enabled: false, markdownTables: true }, format: { tables: 'tabs' } });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, { severity: { 'blank-cell': 'off', 'row-total': 'warning' }, template: '2019', detect: 'never', inlayHints: { enabled: false, markdownTables: true }, format: { tables: 'tabs' } });
  });
  it('gives the defaults for nothing at all, or for something that is not an object', () => {
    for (const raw of [undefined, null, 'auto', 42]) {
      const { settings, problems } = readSettings(raw);
      assert.deepEqual(settings, { severity: {}, template: 'auto', detect: 'ask', inlayHints: { enabled: true, markdownTables: false }, format: { tables: 'markdown' } });
      assert.deepEqual(problems, []);
    }
  });
  it('drops each bad value, keeps the good ones, and names what was wrong', () => {
    const { settings, problems } = readSettings({ severity: { 'blank-cell': 'loud', 'row-total': 'hint' }, template: '2020', detect: 'sometimes' });
    assert.deepEqual(settings.severity, { 'row-total': 'hint' });
    assert.equal(settings.template, 'auto');
    assert.equal(settings.detect, 'ask');
    assert.equal(problems.length, 3);
    assert.ok(problems.some(p => p.startsWith('nianbao.severity.blank-cell')));
    assert.ok(problems.some(p => p.startsWith('nianbao.template')));
  });
  it('treats values that look like code as invalid data; nothing from a workspace runs', () => {
    let ran = false;
    (globalThis as Record<string, unknown>).__nianbaoRan = () => { ran = true; };
    const { settings, problems } = readSettings({ severity: { 'row-total': "require('child_process').exec('touch /tmp/x')" }, template: '__nianbaoRan()' });
    assert.equal(ran, false);
    assert.deepEqual(settings.severity, {});
    assert.equal(settings.template, 'auto');
    assert.equal(problems.length, 2);
  });
  it('every rule code is a valid severity key', () => {
    const severity = Object.fromEntries(RULES.map(r => [r.code, 'information']));
    assert.deepEqual(readSettings({ severity }).problems, []);
  });
});
