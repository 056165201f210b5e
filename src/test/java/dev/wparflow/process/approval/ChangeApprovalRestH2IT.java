package dev.wparflow.process.approval;

class ChangeApprovalRestH2IT extends AbstractChangeApprovalRestIT {
}
