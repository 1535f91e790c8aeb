package org.lockstep.bench;
