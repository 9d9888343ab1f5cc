export { issue, ok, fail, type Issue, type IssueCode, type IssuePath, type IssueParams, type Result } from './issue';
export { formatIssue, issueMessage, issueWhere } from './messages';
