import { CityKpisController } from './city-kpis.controller';
import { Module } from '@nestjs/common';
import { KpiFactsCache } from './kpi-facts-cache';
import { KpiTableTallies } from './kpi-table-tallies';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';
import { TargetsController } from './targets.controller';
import { TargetsService } from './targets.service';

@Module({ controllers: [CityKpisController, KpisController, TargetsController], providers: [KpisService, TargetsService, KpiFactsCache, KpiTableTallies] })
export class KpisModule {}
