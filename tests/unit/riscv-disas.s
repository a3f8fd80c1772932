# SPDX-License-Identifier: GPL-2.0-or-later
# Instructions whose objdump text the disassembler must reproduce.
.option norvc
addi a0,a1,5
addi a0,zero,5
addi a0,a1,0
addi zero,zero,0
addi a0,a0,-3
andi a0,a1,3
ori a0,a1,3
xori a0,a1,3
slti a0,a1,3
sltiu a0,a1,3
slli a0,a1,3
srli a0,a1,3
srai a0,a1,3
lui a0,0x12345
auipc a0,0x12345
beq a0,a1,.+8
bne a0,a1,.-8
jal a1,.+8
add a0,zero,a1
sub a0,a1,a2
or a0,a1,zero
slt a0,a1,a2
sltu a0,a1,a2
xor a0,a1,a2
srl a0,a1,a2
sra a0,a1,a2
and a0,a1,a2
lw a0,0(sp)
sw a0,0(sp)
fence r,w
fence io,io
csrrs a0,mstatus,a1
csrrc a0,mstatus,a1
csrrsi a0,mstatus,1
csrrci a0,mstatus,1
csrrw a0,0xfff,a1
.option rvc
c.addi a0,1
c.addi16sp sp,16
c.addi4spn a0,sp,4
c.li a0,-1
c.lui a0,0xfffe1
c.slli a0,31
c.andi a0,-1
c.lw s0,0(s1)
c.swsp ra,0(sp)
c.lwsp ra,124(sp)
.option rvc
c.addi4spn s0, sp, 16
c.lw a0, 4(a1)
c.sw a0, 4(a1)
c.nop
c.addi a0, -3
c.jal .+16
c.li a0, 5
c.addi16sp sp, -32
c.lui a0, 0x1f
c.srli a0, 3
c.srai a0, 3
c.andi a0, 3
c.sub a0, a1
c.xor a0, a1
c.or a0, a1
c.and a0, a1
c.j .-8
c.beqz a0, .+8
c.bnez a0, .-8
c.slli a0, 3
c.lwsp a0, 8(sp)
c.jr ra
c.jr a0
c.mv a0, a1
c.ebreak
c.jalr a0
c.add a0, a1
c.swsp a0, 8(sp)
c.li a0, 0
.option norvc
jal zero,.+8
jal ra,.-8
jalr zero,0(ra)
jalr ra,0(a0)
jalr zero,4(a0)
jalr ra,-4(a0)
jalr a1,4(a0)
sub a0,zero,a1
xori a0,a1,-1
sltiu a0,a1,1
sltu a0,zero,a1
slt a0,a1,zero
slt a0,zero,a1
beq a0,zero,.+8
bne a0,zero,.+8
blt a0,zero,.+8
bge a0,zero,.+8
blt zero,a0,.+8
bge zero,a0,.+8
bltu a1,a0,.+8
bgeu a1,a0,.-8
csrrs a0,mstatus,zero
csrrw zero,mstatus,a0
csrrs zero,mie,a0
csrrc zero,mip,a0
csrrwi zero,mtvec,5
csrrsi zero,mstatus,8
csrrci zero,mstatus,8
csrrw a1,mscratch,a0
csrrwi a1,mepc,5
csrrs a0,cycle,zero
csrrs a0,instret,zero
csrrs a0,time,zero
csrrs a0,cycleh,zero
csrrs a0,instreth,zero
csrrs a0,0x7c0,zero
csrrs a0,pmpcfg0,zero
csrrw zero,pmpaddr15,a0
csrrs a0,mhartid,zero
csrrs a0,mcountinhibit,zero
csrrs a0,0x747,zero
csrrs a0,mhpmcounter3,zero
csrrs a0,mhpmevent31,zero
csrrs a0,mcycleh,zero
csrrs a0,minstret,zero
csrrs a0,mcause,zero
csrrs a0,mtval,zero
csrrs a0,misa,zero
csrrs a0,mvendorid,zero
csrrs a0,hpmcounter4,zero
fence
fence rw,rw
fence w,r
fence.i
fence.tso
ecall
ebreak
mret
wfi
lui a0,0xfffff
auipc t0,0
lw a0,-4(a1)
lb a0,0(a1)
lbu a0,0(a1)
lh a0,0(a1)
lhu a0,0(a1)
sb a0,1(a1)
sh a0,1(a1)
sw a0,-1(a1)
mul a0,a1,a2
mulh a0,a1,a2
mulhsu a0,a1,a2
mulhu a0,a1,a2
div a0,a1,a2
divu a0,a1,a2
rem a0,a1,a2
remu a0,a1,a2
lr.w a0,(a1)
lr.w.aq a0,(a1)
sc.w a0,a2,(a1)
sc.w.rl a0,a2,(a1)
amoswap.w a0,a2,(a1)
amoadd.w.aqrl a0,a2,(a1)
amoxor.w a0,a2,(a1)
amoand.w a0,a2,(a1)
amoor.w a0,a2,(a1)
amomin.w a0,a2,(a1)
amomax.w a0,a2,(a1)
amominu.w a0,a2,(a1)
amomaxu.w a0,a2,(a1)
