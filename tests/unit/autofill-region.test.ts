/**
 * Regions as records hold them (one run of text, no separators, suffixes left out) against the
 * options a cascader shows level by level (shared/src/core/autofill/region.ts).
 */
import { describe, expect, it } from 'vitest';
import { regionIndexOf, regionParts, regionPathHolds, regionPrefix, sameRegion } from '@lvzhi/shared';

describe('regionPrefix: how much of the text an option names', () => {
  it('takes the whole option, or its stem when the text leaves the suffix out', () => {
    expect(regionPrefix('浙江省杭州市西湖区', '浙江省')).toBe(3);
    expect(regionPrefix('浙江杭州西湖区', '浙江省')).toBe(2);
    expect(regionPrefix('杭州市西湖区', '杭州')).toBe(3); // the option leaves the suffix out
    expect(regionPrefix('西湖区', '杭州市')).toBe(0);
  });
  it('does not take a stem the text follows with another suffix (柳河村 is not 柳河镇)', () => {
    expect(regionPrefix('柳河村', '柳河镇')).toBe(0);
    expect(regionPrefix('转塘街道象山社区', '转塘镇')).toBe(0);
  });
  it('finds an option further on (the record names more than the cascader)', () => {
    expect(regionIndexOf('浙江省杭州市西湖区转塘街道', '西湖区')).toEqual({ at: 6, length: 3 });
    expect(regionIndexOf('浙江省杭州市', '宁波市')).toBeUndefined();
  });
  it('compares option texts with and without suffixes', () => {
    expect(sameRegion('江苏', '江苏省')).toBe(true);
    expect(sameRegion('柳河镇', '柳河村')).toBe(false);
  });
});

describe('regionParts: hints for a search box', () => {
  it('cuts at administrative suffixes, keeping names such as 市中区 whole', () => {
    expect(regionParts('浙江省杭州市西湖区转塘街道')).toEqual(['浙江省', '杭州市', '西湖区', '转塘街道']);
    expect(regionParts('山东省济南市市中区')).toEqual(['山东省', '济南市', '市中区']);
    expect(regionParts('西湖区转塘街道象山社区3幢')).toEqual(['西湖区', '转塘街道', '象山社区', '3幢']);
  });
});

describe('regionPathHolds: the cascader holds the record’s region', () => {
  const want = '杭州市西湖区转塘街道象山社区';
  it('holds when the path reaches the last region name, starting higher or lower than the text', () => {
    expect(regionPathHolds(want, ['浙江省', '杭州市', '西湖区', '转塘街道', '象山社区'])).toBe(true);
    expect(regionPathHolds(want, ['西湖区', '转塘街道', '象山社区'])).toBe(true);
    expect(regionPathHolds('转塘街道象山社区', ['西湖区', '转塘街道', '象山社区'])).toBe(true);
    expect(regionPathHolds('浙江杭州西湖区', ['浙江省', '杭州市', '西湖区'])).toBe(true);
    expect(regionPathHolds(`${want}5幢`, ['西湖区', '转塘街道', '象山社区'])).toBe(true);
  });
  it('does not hold a path that stops above the text’s last region, or another branch', () => {
    expect(regionPathHolds(want, ['浙江省', '杭州市', '西湖区', '转塘街道'])).toBe(false);
    expect(regionPathHolds('青山镇柳河村', ['泰兴市', '柳河镇', '柳河村'])).toBe(false);
    expect(regionPathHolds(want, ['西湖区', '双浦镇', '象山社区'])).toBe(false);
    expect(regionPathHolds(want, [])).toBe(false);
  });
});
