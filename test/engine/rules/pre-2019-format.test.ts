// The pre-2019-format rule (server/src/engine/rules/pre-2019-format.ts) on the one crawled
// page of a report before the 2019 template (w40, test/fixtures/web).
import assert from 'node:assert/strict';
import { ReportDocument, check } from '../../../server/src/engine';
import { readWeb, textIn } from '../../helpers';

describe('web text (encoding W): the crawled pages', () => {
  it('a report before the 2019 template gets one finding, pre-2019-format (w40)', () => {
    const doc = new ReportDocument(readWeb('w40'));
    const found = check(doc, { locale: 'zh-cn' });
    assert.deepEqual(found.map(f => f.code), ['pre-2019-format']);
    assert.match(found[0].message, /2018 年度/);
    assert.equal(textIn(doc.getText(), found[0].range), '平潭综合实验区2018年度政府信息公开工作年度报告');
  });
});
