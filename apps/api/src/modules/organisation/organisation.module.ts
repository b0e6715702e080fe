import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AdminDepartmentsController } from './admin-departments.controller';
import { AdminIndustryChainsController } from './admin-industry-chains.controller';
import { AdminTeamsController } from './admin-teams.controller';
import { AdminUserAccountsController } from './admin-user-accounts.controller';
import { DepartmentsService } from './departments.service';
import { IndustryChainsService } from './industry-chains.service';
import { OrgReadController } from './org-read.controller';
import { TeamsService } from './teams.service';
import { UserAccountsService } from './user-accounts.service';

/** The organisation (issue 10): departments, teams, industry chains and the accounts administrators keep. */
@Module({
  imports: [AuthModule],
  controllers: [AdminUserAccountsController, AdminDepartmentsController, AdminTeamsController, AdminIndustryChainsController, OrgReadController],
  providers: [DepartmentsService, TeamsService, IndustryChainsService, UserAccountsService],
  exports: [DepartmentsService],
})
export class OrganisationModule {}
