"""Single-decree rounds with essential-paxos (PyPI), in-process, FIFO delivery: the Python side
of compare.py. Each round: a fresh proposer, 3 acceptors and a learner; the proposer asks for
'red'; every message is delivered oldest first until none is left; the learner must learn red.

essential-paxos 2.0 was written for Python 2, where None compares below everything: its
"nothing yet" ballots start as None. The shim below starts them at a ballot below every real
one instead, from outside the library, whose code runs unchanged.

Usage: python3 rounds.py LIBRARY_FOLDER ROUNDS
"""

import collections
import sys

sys.path.insert(0, sys.argv[1])
from paxos import essential  # noqa: E402

LOWEST = essential.ProposalID(-1, "")
essential.Acceptor.promised_id = LOWEST
essential.Acceptor.accepted_id = LOWEST
essential.Proposer.last_accepted_id = LOWEST


class LowestByDefault(dict):
    """The learner's last ballot per acceptor, LOWEST for an acceptor not heard from yet."""

    def get(self, key, default=None):
        return super().get(key, LOWEST)


class Network(essential.Messenger):
    """Messages from one node into the round's queue: the library names the sender only
    through its messenger."""

    def __init__(self, uid, round_):
        self.uid = uid
        self.round = round_

    def send_prepare(self, proposal_id):
        for acceptor in self.round.acceptors:
            self.round.queue.append((acceptor.recv_prepare, (self.uid, proposal_id)))

    def send_promise(self, proposer_uid, proposal_id, previous_id, accepted_value):
        self.round.queue.append(
            (self.round.proposer.recv_promise, (self.uid, proposal_id, previous_id, accepted_value)))

    def send_accept(self, proposal_id, value):
        for acceptor in self.round.acceptors:
            self.round.queue.append((acceptor.recv_accept_request, (self.uid, proposal_id, value)))

    def send_accepted(self, proposal_id, value):
        self.round.queue.append((self.round.learner.recv_accepted, (self.uid, proposal_id, value)))


class Round:
    """A fresh proposer p1, acceptors a1..a3 and learner l1, and the messages in flight."""

    def __init__(self):
        self.queue = collections.deque()
        self.proposer = essential.Proposer()
        self.proposer.messenger = Network("p1", self)
        self.proposer.proposer_uid, self.proposer.quorum_size = "p1", 2
        self.acceptors = []
        for index in range(3):
            acceptor = essential.Acceptor()
            acceptor.messenger = Network("a%d" % (index + 1), self)
            self.acceptors.append(acceptor)
        self.learner = essential.Learner()
        self.learner.messenger, self.learner.quorum_size = Network("l1", self), 2
        # An entry for LOWEST whose count never falls to zero, for the library to count down.
        self.learner.proposals = {LOWEST: [0, 1 << 62, None]}
        self.learner.acceptors = LowestByDefault()

    def run(self):
        """Proposes red, delivers every message oldest first, returns what l1 learned."""
        self.proposer.set_proposal("red")
        self.proposer.prepare()
        queue = self.queue
        while queue:
            receive, arguments = queue.popleft()
            receive(*arguments)
        return self.learner.final_value


for _ in range(int(sys.argv[2])):
    if Round().run() != "red":
        sys.exit("a round did not choose red")
