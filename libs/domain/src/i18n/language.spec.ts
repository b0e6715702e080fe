import { negotiateLanguage } from './language';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-TW,zh;q=0.9', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR', 'zh-CN'],
    ['de, ja;q=0.5', 'zh-CN'],
    ['*', 'zh-CN'],
    ['fr, en;q=0.8', 'en'],
    ['en;q=0.5, zh;q=0.8', 'zh-CN'],
    ['zh;q=0.5, en;q=0.8', 'en'],
    ['en;q=0, zh;q=0.1', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
    ['en, zh', 'en'],
    ['garbage;;;q=x', 'zh-CN'],
  ])('%p → %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });

  it('reads a header sent twice', () => {
    expect(negotiateLanguage(['fr', 'en-GB'])).toBe('en');
  });
});
