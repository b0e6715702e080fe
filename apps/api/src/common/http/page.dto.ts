import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI shape of a page of `item` (matches `Page<T>` in page.ts); `name` names the schema. */
export function PageDtoOf(item: Type<unknown>, name: string): Type<unknown> {
  class PageDto {
    @ApiProperty({ type: [item] })
    items!: unknown[];

    @ApiProperty({ description: 'all matching rows' })
    total!: number;

    @ApiProperty()
    page!: number;

    @ApiProperty()
    pageSize!: number;
  }
  Object.defineProperty(PageDto, 'name', { value: name });
  return PageDto;
}
