// epoll, eventfd and timerfd, which `import Glibc` does not export. Nothing else belongs here:
// headers Glibc already covers (sockets, netinet) would clash with its module definitions.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
