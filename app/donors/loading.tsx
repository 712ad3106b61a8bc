import { PageSkeleton } from '@/components/donors/page-skeleton';

export default PageSkeleton;
