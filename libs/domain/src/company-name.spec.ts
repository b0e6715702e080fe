import { bigramSimilarity, DUPLICATE_NAME_SIMILARITY, nameBigrams, narrowsBySubstringGrams, normaliseCompanyName, substringGrams } from './company-name';

describe('normaliseCompanyName', () => {
  it('treats the legal-form variants of one company as the same name', () => {
    const variants = [
      '株洲示例动力科技有限公司',
      '株洲示例动力科技股份有限公司',
      '株洲 示例动力科技有限责任公司',
      '株洲示例动力科技（集团）有限公司',
      '株洲示例动力科技(集团)股份有限公司',
      '株洲示例动力科技集团',
      '  株洲示例动力科技。 ',
    ];
    for (const v of variants) expect(normaliseCompanyName(v)).toBe('株洲示例动力科技');
  });

  it('folds full-width letters and digits and ignores case', () => {
    expect(normaliseCompanyName('ＡＢＣ电子１２３有限公司')).toBe('abc电子123');
    expect(normaliseCompanyName('ABC Electronics Co., Ltd.')).toBe('abcelectronics');
  });

  it('keeps what tells companies apart (a region in brackets, the city)', () => {
    expect(normaliseCompanyName('阿里巴巴（中国）有限公司')).toBe('阿里巴巴中国');
    expect(normaliseCompanyName('长沙示例动力科技有限公司')).not.toBe(normaliseCompanyName('株洲示例动力科技有限公司'));
  });

  it('never strips a name down to nothing', () => {
    for (const name of ['有限公司', '集团公司', '公司', '（）']) expect(normaliseCompanyName(name).length).toBeGreaterThan(0);
  });
});

describe('bigram similarity of normalised names', () => {
  const sim = (a: string, b: string) => bigramSimilarity(nameBigrams(normaliseCompanyName(a)), nameBigrams(normaliseCompanyName(b)));

  it('suspects a name with one character wrong or left out', () => {
    expect(sim('醴陵电池储能材料研发有限公司', '醴陵电地储能材料研发有限公司')).toBeGreaterThanOrEqual(DUPLICATE_NAME_SIMILARITY);
    expect(sim('株洲示例动力科技有限公司', '株洲示例动力技有限公司')).toBeGreaterThanOrEqual(DUPLICATE_NAME_SIMILARITY);
  });

  it('does not suspect companies that share only a common word', () => {
    expect(sim('湖南新能源科技有限公司', '株洲新能源汽车零部件有限公司')).toBeLessThan(DUPLICATE_NAME_SIMILARITY);
    expect(sim('醴陵电池储能材料研发a1b2c3有限公司', '湘江轨道交通装备制造a1b2c3有限公司')).toBeLessThan(0.3);
  });

  it('builds distinct, sorted bigrams and copes with one-character names', () => {
    expect(nameBigrams('株洲株洲')).toEqual(['株洲', '洲株'].sort());
    expect(nameBigrams('株')).toEqual(['株']);
    expect(nameBigrams('')).toEqual([]);
    expect(bigramSimilarity([], [])).toBe(0);
  });
});

describe('substringGrams', () => {
  it('holds every bigram of any piece of the name, whatever the case', () => {
    const name = '株洲ABC智造动力科技有限公司';
    const grams = new Set(substringGrams(name));
    for (const piece of ['智造', '造动力科', 'abc', 'Bc智', '有限公司']) {
      for (const g of substringGrams(piece)) expect(grams.has(g)).toBe(true);
    }
    expect(substringGrams('智造动力')).toEqual(['动力', '智造', '造动']);
  });

  it('narrows only texts of two characters or more whose lower case keeps their length', () => {
    expect(substringGrams('智')).toEqual([]);
    expect(narrowsBySubstringGrams('智')).toBe(false);
    expect(narrowsBySubstringGrams('智造')).toBe(true);
    expect(narrowsBySubstringGrams('ABC')).toBe(true);
    expect(narrowsBySubstringGrams('İstanbul')).toBe(false);
  });
});
