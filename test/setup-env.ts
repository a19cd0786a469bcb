import './harness/env';
