import { Module } from '@nestjs/common';
import { ImportStarter } from './import-starter';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  controllers: [ImportsController],
  providers: [ImportsService, ImportStarter],
})
export class ImportsModule {}
