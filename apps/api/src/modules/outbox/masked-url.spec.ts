import { maskedUrl, secretHint } from './masked-url';

describe('maskedUrl', () => {
  it('hides robot credentials in the query but for their last characters', () => {
    expect(maskedUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa')).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***5aaa',
    );
    expect(maskedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc')).toBe('https://oapi.dingtalk.com/robot/send?access_token=***');
  });

  it('leaves a URL without a query, or not a URL, as it is', () => {
    expect(maskedUrl('https://hooks.zone.gov.cn/alerts')).toBe('https://hooks.zone.gov.cn/alerts');
    expect(maskedUrl('not a url')).toBe('not a url');
  });

  it('shows only the end of a secret', () => {
    expect(secretHint('SEC0123456789abcdef')).toBe('…cdef');
  });
});
